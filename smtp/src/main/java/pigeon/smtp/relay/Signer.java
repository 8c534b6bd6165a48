package pigeon.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import pigeon.protocol.queue.QueueEntry;

/**
 * Adds header fields in front of a message before it leaves (DKIM, RFC 6376). Called once per
 * delivery attempt of an entry, before connecting.
 */
public interface Signer {
    /** Opens the message (headers and body, CRLF line endings) afresh at each call; the caller closes it. */
    @FunctionalInterface interface Source { InputStream open() throws IOException; }

    /** Adds nothing. */
    Signer NONE = (entry, message) -> new byte[0];

    /**
     * Returns the header fields to prepend, each ending in CRLF (e.g. one {@code DKIM-Signature}
     * field), or an empty array. May read the message as many times as it needs.
     *
     * @throws IOException if the message cannot be read; the attempt then counts as a temporary failure
     */
    byte[] headers(QueueEntry entry, Source message) throws IOException;
}
