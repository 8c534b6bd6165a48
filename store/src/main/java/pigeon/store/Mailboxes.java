package pigeon.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The mailboxes of accounts and the messages in them. */
public interface Mailboxes {
    /** The account's mailboxes, INBOX first, then by name. */
    List<MailboxInfo> list(long accountId);

    /** Finds a mailbox by name; "INBOX" matches in any case (RFC 9051 §5.1), also as the first level ("inbox/x"). */
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

    /**
     * IMAP's EXPUNGE: removes the messages that have \Deleted when the transaction runs (only those
     * of {@code among}, when given: UID EXPUNGE); returns the UIDs removed, ascending.
     */
    List<Long> expungeDeleted(long mailboxId, Optional<Set<Long>> among);

    /** Adds a listener for committed changes to any mailbox; returns a handle that removes it. */
    AutoCloseable subscribe(Consumer<MailboxChange> listener);

    // ---- What IMAP needs beyond delivery and POP3 (RFC 9051, UIDPLUS, MOVE, CONDSTORE/QRESYNC) ----

    /** The hierarchy delimiter of mailbox names: "Archive/2026" is a child of "Archive". */
    char DELIMITER = '/';

    /**
     * Creates a mailbox (and any missing parents, RFC 9051 §6.3.4), not subscribed, with a fresh
     * UIDVALIDITY. A valid name is not empty, has no delimiter at either end, no empty level, no
     * control character and neither {@code *} nor {@code %}; a first level "inbox" in any case is
     * stored as "INBOX". {@code specialUse} is one of RFC 6154's (All, Archive, Drafts, Flagged, Junk,
     * Sent, Trash) in any case, without the backslash; it applies to the named mailbox only.
     * @throws IllegalArgumentException if the name exists (INBOX always does) or is not valid.
     */
    MailboxInfo create(long accountId, String name, Optional<String> specialUse);

    /**
     * Deletes a mailbox and its messages (not its children); a MailboxRemoved event follows.
     * @throws IllegalArgumentException for INBOX or an unknown mailbox
     */
    void delete(long mailboxId);

    /**
     * Renames a mailbox and its children (RFC 9051 §6.3.6). Renaming INBOX instead moves all its
     * messages to a new mailbox of that name and leaves INBOX empty. Missing parents of the new name
     * are created. A renamed mailbox keeps its id, UIDVALIDITY, UIDs and subscription (subscriptions
     * of names under the old name move along).
     * @throws IllegalArgumentException if the new name (or a child's new name) exists or is not valid,
     *         or lies under the mailbox itself
     */
    void rename(long mailboxId, String newName);

    /**
     * Subscribes to a name or drops the subscription (RFC 9051 §6.3.7–8). A subscription is a name:
     * the mailbox need not exist, and deleting one leaves its subscription; INBOX in any case is INBOX.
     * @throws IllegalArgumentException for a name no mailbox could have
     */
    void setSubscribed(long accountId, String name, boolean subscribed);

    /** The account's subscribed names, existing or not, sorted. */
    List<String> subscriptions(long accountId);

    /**
     * Appends as IMAP does: with flags, keywords and the client's internal date. Returns the UID.
     * @throws IllegalArgumentException for a keyword that is not an IMAP atom (RFC 9051 §9), or an unknown mailbox
     */
    long append(long mailboxId, InputStream message, Set<Flag> flags, Set<String> keywords, Instant internalDate) throws IOException;

    /** One message for {@link #appendAll}: its octets (read once, to the end), flags, keywords, internal date. */
    record NewMessage(InputStream content, Set<Flag> flags, Set<String> keywords, OffsetDateTime internalDate) {}

    /** Hands out the messages of {@link #appendAll} one at a time, each once the one before it was read. */
    @FunctionalInterface
    interface MessageSource {
        /** The next message, or null after the last. */
        NewMessage next() throws IOException;
    }

    /**
     * Appends several messages in one transaction (RFC 3502 MULTIAPPEND): all of them or, if any fails
     * (reading it, a keyword that is not an atom), none. Each message is read to its end, in turn, before
     * the database is touched. Returns their UIDs, ascending, in the order given.
     * @throws IllegalArgumentException for a keyword that is not an IMAP atom, or an unknown mailbox
     */
    List<Long> appendAll(long mailboxId, MessageSource messages) throws IOException;

    /** How a STORE changes flags. */
    enum FlagMode { ADD, REMOVE, REPLACE }

    /**
     * @param entries the current state of every requested UID that exists (changed or not)
     * @param failed  UIDs not changed because their MODSEQ was above UNCHANGEDSINCE (RFC 7162 §3.1.3)
     */
    record FlagUpdate(List<MessageEntry> entries, List<Long> failed) {}

    /**
     * Changes flags and keywords of the given UIDs in one transaction; each message that actually
     * changes gets a new MODSEQ (the mailbox's HIGHESTMODSEQ grows) and a FlagsChanged event follows.
     * All that change in one call share one new MODSEQ; entries left as they were keep theirs and are
     * not announced. REPLACE replaces keywords too. Absent UIDs are skipped.
     * @throws IllegalArgumentException for an invalid keyword or an unknown mailbox
     */
    FlagUpdate setFlags(long mailboxId, Collection<Long> uids, FlagMode mode, Set<Flag> flags, Set<String> keywords,
                        OptionalLong unchangedSince);

    /**
     * Copies messages (the stored message is shared, not duplicated) to another mailbox of the same
     * account, keeping flags and internal date. Returns source UID → new UID in ascending source
     * order (for COPYUID, RFC 4315); absent UIDs are skipped.
     */
    SortedMap<Long, Long> copy(long fromMailbox, Collection<Long> uids, long toMailbox);

    /** MOVE (RFC 6851): copy then expunge from the source (recorded for {@link #expungedSince}), in one transaction. */
    SortedMap<Long, Long> move(long fromMailbox, Collection<Long> uids, long toMailbox);

    /** UIDs expunged from the mailbox with a MODSEQ above {@code modSeq} (QRESYNC's VANISHED, RFC 7162). */
    List<Long> expungedSince(long mailboxId, long modSeq);

    /**
     * A range of a stored message's bytes (FETCH BODY[1.2]&lt;0.100&gt;), cut at the message's end (an
     * offset at or past the end gives an empty stream); the caller closes it.
     * @throws IllegalArgumentException for a negative offset or length
     */
    InputStream openContent(long messageId, long offset, long length);

    /**
     * The description {@link MessageAnalyzer} made of each message at delivery (opaque to the store),
     * for the given messages; a message stored before there was an analyzer has none.
     */
    Map<Long, byte[]> descriptions(Collection<Long> messageIds);

    // ---- What the webmail needs: listing without reading each message ----

    /**
     * The header fields kept beside each message at delivery (RFC 2047 words decoded; null where
     * the message has no such field), for the given messages that exist.
     */
    Map<Long, MessageSummary> summaries(Collection<Long> messageIds);

    /** The entries of these UIDs that exist in the mailbox, by ascending UID. */
    List<MessageEntry> entries(long mailboxId, Collection<Long> uids);

    /** @param messages how many entries the mailbox has; @param unseen how many of them lack \Seen */
    record Counts(int messages, int unseen) {}

    /** Counts for every mailbox of the account, by mailbox id, in one query. */
    Map<Long, Counts> counts(long accountId);

    /** Stores a description computed later, for a message that had none (an empty one means none; a message gone meanwhile is ignored). */
    void setDescription(long messageId, byte[] description);
}
