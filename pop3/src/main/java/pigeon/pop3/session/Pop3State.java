package pigeon.pop3.session;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import pigeon.pop3.Maildrop;
import pigeon.pop3.command.Phase;

/** The session's state (RFC 1939 §3), each carrying what it knows. */
sealed interface Pop3State {

    /** Before login. {@code pendingUser} is the name given by USER, awaiting PASS. */
    record Authorization(Optional<String> pendingUser, int failedLogins) implements Pop3State {
        static Authorization initial() { return new Authorization(Optional.empty(), 0); }
    }

    /**
     * Logged in, holding the maildrop's lock. The snapshot is taken at login and never refreshed:
     * RFC 1939 numbers messages for the whole session, so messages that arrive meanwhile are shown
     * only in the next session. {@code deleted} holds message numbers marked by DELE; nothing is
     * removed before the UPDATE state.
     */
    record Transaction(Maildrop.Owner owner, MaildropLocks.Lease lease, Maildrop.Snapshot snapshot,
                       BitSet deleted, int retrieved) implements Pop3State {
        public Transaction { deleted = (BitSet) deleted.clone(); }

        @Override public BitSet deleted() { return (BitSet) deleted.clone(); }

        /** Message number n, if it exists and is not marked deleted. */
        Maildrop.Message message(int n) throws Refused {
            int total = snapshot.messages().size();
            if (n < 1 || n > total) throw new Refused("no such message, only " + total + " messages in maildrop");
            if (deleted.get(n)) throw new Refused("message " + n + " already deleted");
            return snapshot.messages().get(n - 1);
        }

        boolean isDeleted(int n) { return deleted.get(n); }

        int size() { return snapshot.messages().size(); }

        /** Messages not marked deleted. */
        int count() { return size() - deleted.cardinality(); }

        /** Octets of the messages not marked deleted. */
        long octets() {
            long sum = 0;
            for (int n = 1; n <= size(); n++) if (!deleted.get(n)) sum += snapshot.messages().get(n - 1).size();
            return sum;
        }

        List<Maildrop.Message> markedDeleted() {
            List<Maildrop.Message> list = new ArrayList<>(deleted.cardinality());
            deleted.stream().forEach(n -> list.add(snapshot.messages().get(n - 1)));
            return list;
        }

        Transaction delete(int n) {
            BitSet d = (BitSet) deleted.clone();
            d.set(n);
            return new Transaction(owner, lease, snapshot, d, retrieved);
        }

        Transaction undeleteAll() { return new Transaction(owner, lease, snapshot, new BitSet(), retrieved); }

        Transaction retrievedOne() { return new Transaction(owner, lease, snapshot, deleted, retrieved + 1); }
    }

    /** After QUIT in TRANSACTION: the marked messages are removed, then the session ends. */
    record Update(Transaction ending) implements Pop3State {}

    /** The session is over; the connection is closed. */
    record Closed() implements Pop3State {}

    /** The phase in which commands are read, or empty when none are. */
    default Optional<Phase> phase() {
        return switch (this) {
            case Authorization a -> Optional.of(Phase.AUTHORIZATION);
            case Transaction t -> Optional.of(Phase.TRANSACTION);
            case Update u -> Optional.empty();
            case Closed c -> Optional.empty();
        };
    }
}
