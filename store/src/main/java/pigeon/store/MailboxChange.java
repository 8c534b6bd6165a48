package pigeon.store;

import java.util.List;

/**
 * What the store announces after a change to a mailbox is committed. Added and flag-changed
 * messages come with their entries as committed, so that a listener can apply the change without
 * reading the mailbox again. Events of concurrent transactions may reach a listener in another order
 * than they were committed in (each is published after its commit, on the committing thread); a
 * mailbox's UIDs are given out densely and in commit order, and an entry's MODSEQ only grows, which
 * is what a listener can check against.
 */
public sealed interface MailboxChange {
    long mailboxId();

    /** New entries, ascending by UID. */
    record MessagesAdded(long mailboxId, List<MessageEntry> entries) implements MailboxChange {
        public List<Long> uids() { return entries.stream().map(MessageEntry::uid).toList(); }
    }
    /** Entries whose flags changed, with their new flags and MODSEQ. */
    record FlagsChanged(long mailboxId, List<MessageEntry> entries) implements MailboxChange {
        public List<Long> uids() { return entries.stream().map(MessageEntry::uid).toList(); }
    }
    record MessagesExpunged(long mailboxId, List<Long> uids) implements MailboxChange {}
    /**
     * The mailbox is deleted: sessions that have it selected must let go. (A renamed mailbox keeps
     * its id, so sessions keep it and no event is sent; renaming INBOX sends MessagesExpunged for it.)
     */
    record MailboxRemoved(long mailboxId) implements MailboxChange {}
}
