package pigeon.imap.session;

import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 3501 §2.3.2 \Recent across sessions: a message is recent for the first IMAP4rev1 session that
 * selects its mailbox read-write after it arrived, and for no other. Per mailbox, the registry holds
 * the highest UID some session has claimed; UIDs above it are still recent for whoever comes next.
 * In memory: after a restart, messages are recent once more for the first session.
 */
public final class RecentRegistry {
    private final ConcurrentHashMap<Long, Long> claimed = new ConcurrentHashMap<>();

    /** Claims every UID up to {@code upTo}; returns the highest claimed before (UIDs above it are the caller's). */
    public long claim(long mailboxId, long upTo) {
        long[] before = new long[1];
        claimed.merge(mailboxId, upTo, (old, mine) -> {
            before[0] = old;
            return Math.max(old, mine);
        });
        return before[0];
    }

    /** The highest UID claimed so far (0 when none): UIDs above it are recent. */
    public long claimedUpTo(long mailboxId) { return claimed.getOrDefault(mailboxId, 0L); }
}
