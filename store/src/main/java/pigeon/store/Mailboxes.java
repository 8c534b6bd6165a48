package pigeon.store;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The mailboxes of accounts and the messages in them. */
public interface Mailboxes {
    /** The account's mailboxes, INBOX first, then by name. */
    List<MailboxInfo> list(long accountId);

    /** Finds a mailbox by name; "INBOX" matches in any case (RFC 9051 §5.1). */
    Optional<MailboxInfo> find(long accountId, String name);

    /** Every message in the mailbox, by ascending UID. */
    List<MessageEntry> entries(long mailboxId);

    /** The stored message's bytes; the caller closes the stream. */
    InputStream openContent(long messageId);

    /** Removes these UIDs from the mailbox (those present); returns the UIDs actually removed. */
    List<Long> expunge(long mailboxId, Collection<Long> uids);

    /** Adds a listener for committed changes to any mailbox; returns a handle that removes it. */
    AutoCloseable subscribe(Consumer<MailboxChange> listener);
}
