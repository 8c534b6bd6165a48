package pigeon.store;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One message in one mailbox.
 *
 * @param uid          unique and ascending within the mailbox's UIDVALIDITY, never reused
 * @param messageId    the stored (immutable, possibly shared) message
 * @param size         exact octet count of the stored message
 * @param internalDate when the message arrived, in the zone it was given in (an IMAP APPEND's own; UTC otherwise),
 *                     which IMAP's INTERNALDATE and SEARCH BEFORE/ON/SINCE keep (RFC 9051 §2.3.3, §6.4.4)
 * @param flags        system flags; keywords are separate
 */
public record MessageEntry(long uid, long messageId, long size, OffsetDateTime internalDate, long modSeq,
                           Set<Flag> flags, Set<String> keywords) {}
