package pigeon.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Stores a message (CRLF line endings expected) in the mailbox with the next UID; returns the UID.
     * The stream is read to its end before the database is touched.
     */
    long append(long mailboxId, InputStream message, Set<Flag> flags, Instant internalDate) throws IOException;

    /** Removes these UIDs from the mailbox (those present); returns the UIDs actually removed. */
    List<Long> expunge(long mailboxId, Collection<Long> uids);

    /** Adds a listener for committed changes to any mailbox; returns a handle that removes it. */
    AutoCloseable subscribe(Consumer<MailboxChange> listener);
}
