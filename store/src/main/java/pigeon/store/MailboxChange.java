package pigeon.store;

import java.util.List;

/** What the store announces after a change to a mailbox is committed; listeners speak UIDs only. */
public sealed interface MailboxChange {
    long mailboxId();

    record MessagesAdded(long mailboxId, List<Long> uids) implements MailboxChange {}
    record FlagsChanged(long mailboxId, List<Long> uids) implements MailboxChange {}
    record MessagesExpunged(long mailboxId, List<Long> uids) implements MailboxChange {}
    /**
     * The mailbox is deleted: sessions that have it selected must let go. (A renamed mailbox keeps
     * its id, so sessions keep it and no event is sent; renaming INBOX sends MessagesExpunged for it.)
     */
    record MailboxRemoved(long mailboxId) implements MailboxChange {}
}
