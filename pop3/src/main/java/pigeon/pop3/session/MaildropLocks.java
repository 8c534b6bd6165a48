package pigeon.pop3.session;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RFC 1939 §8 exclusive-access locks, one per account, held from login to the end of the session.
 * In-process only: POP3 servers of several nodes sharing one database do not exclude each other
 * (they could both delete the same message, which the store's expunge tolerates).
 */
final class MaildropLocks {
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    /** Takes the lock of the account, or answers empty if another session holds it. */
    Optional<Lease> tryLock(long accountId) {
        return held.add(accountId) ? Optional.of(new Lease(accountId)) : Optional.empty();
    }

    /** A held lock; closing it more than once is harmless. */
    final class Lease implements AutoCloseable {
        private final long accountId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(long accountId) { this.accountId = accountId; }

        @Override public void close() {
            if (released.compareAndSet(false, true)) held.remove(accountId);
        }
    }
}
