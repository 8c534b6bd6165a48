package pigeon.store;

import java.util.Optional;

/**
 * A mailbox as the store knows it at one moment.
 *
 * @param specialUse    RFC 6154 attribute without the backslash ("Sent", "Trash", …), if any
 * @param uidValidity   changes only if UIDs were ever reassigned (never, in this store)
 * @param uidNext       the UID the next message will get
 * @param highestModSeq the highest MODSEQ of any change in this mailbox (RFC 7162)
 */
public record MailboxInfo(long id, long accountId, String name, Optional<String> specialUse, boolean subscribed,
                          long uidValidity, long uidNext, long highestModSeq) {}
