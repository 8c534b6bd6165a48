package pigeon.store;

import java.time.Instant;
import java.util.Set;

/**
 * One message in one mailbox.
 *
 * @param uid          unique and ascending within the mailbox's UIDVALIDITY, never reused
 * @param messageId    the stored (immutable, possibly shared) message
 * @param size         exact octet count of the stored message
 * @param internalDate when the message arrived
 * @param flags        system flags; keywords are separate
 */
public record MessageEntry(long uid, long messageId, long size, Instant internalDate, long modSeq,
                           Set<Flag> flags, Set<String> keywords) {}
