package pigeon.imap.message;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Set;
import pigeon.imap.mime.MessageDescription;

/**
 * One message of the selected mailbox as message-level commands (FETCH, SEARCH, SORT, THREAD) see
 * it: everything in memory except the bytes, which are read on demand by range.
 */
public interface MessageView {
    /** Message sequence number in the session's current view (1-based). */
    int seq();

    long uid();

    long modSeq();

    /** Flags as IMAP spells them ({@code \Seen}, {@code \Recent}, …) and keywords, as the session shows them. */
    Set<String> flags();

    /** In the zone it was given in (RFC 9051 §2.3.3: an APPEND's date-time keeps its zone). */
    OffsetDateTime internalDate();

    /** Exact octet count of the stored message (RFC822.SIZE). */
    long size();

    /** ENVELOPE, BODYSTRUCTURE and part offsets, computed at delivery. */
    MessageDescription description();

    /** {@code length} octets of the stored message from {@code offset}; the caller closes the stream. */
    InputStream open(long offset, long length) throws IOException;

    /** The whole stored message. */
    default InputStream open() throws IOException { return open(0, size()); }
}
