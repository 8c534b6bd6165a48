package pigeon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A mailbox row locked for the rest of a transaction ({@code SELECT … FOR UPDATE}), so that two
 * sessions changing the same mailbox take turns: UIDs and MODSEQs are handed out from the locked
 * values and written back by {@link #save}, never reused. Whoever locks two mailboxes locks the
 * lower id first, so that two such transactions cannot wait for each other.
 */
final class LockedMailbox {
    final long id, accountId;
    final String name;
    private long uidNext, highestModSeq;
    private boolean bumped, changed;

    private LockedMailbox(long id, long accountId, String name, long uidNext, long highestModSeq) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.uidNext = uidNext;
        this.highestModSeq = highestModSeq;
    }

    /** @throws IllegalArgumentException if there is no such mailbox */
    static LockedMailbox lock(Connection c, long mailboxId) throws SQLException {
        return lockIfPresent(c, mailboxId).orElseThrow(() -> new IllegalArgumentException("no mailbox " + mailboxId));
    }

    static Optional<LockedMailbox> lockIfPresent(Connection c, long mailboxId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT account_id, name, uid_next, highest_modseq FROM mailboxes WHERE id = ? FOR UPDATE")) {
            s.setLong(1, mailboxId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new LockedMailbox(mailboxId, r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /** Locks two mailboxes, the lower id first; the same object twice when they are one. */
    static LockedMailbox[] lockPair(Connection c, long a, long b) throws SQLException {
        if (a == b) {
            LockedMailbox m = lock(c, a);
            return new LockedMailbox[] {m, m};
        }
        LockedMailbox first = lock(c, Math.min(a, b)), second = lock(c, Math.max(a, b));
        return a < b ? new LockedMailbox[] {first, second} : new LockedMailbox[] {second, first};
    }

    long nextUid() {
        changed = true;
        return uidNext++;
    }

    /** The MODSEQ of this transaction's changes: one above the previous highest, the same for all of them. */
    long modSeq() {
        if (!bumped) {
            highestModSeq++;
            bumped = true;
            changed = true;
        }
        return highestModSeq;
    }

    long highestModSeq() { return highestModSeq; }

    /** Writes back the UIDNEXT and HIGHESTMODSEQ handed out, if any. */
    void save(Connection c) throws SQLException {
        if (changed) JdbcDirectory.update(c, "UPDATE mailboxes SET uid_next = ?, highest_modseq = ? WHERE id = ?", uidNext, highestModSeq, id);
    }
}
