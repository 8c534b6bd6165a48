package pigeon.imap.command;

import java.io.IOException;
import java.io.InputStream;

/**
 * APPEND's message: a literal that is still on the wire when the command is handed over, so that
 * the message is streamed into the store and never held in memory or in a String.
 *
 * <p>Contract: the handler either never calls {@link #open()} (it refuses the command: for a
 * synchronising literal the client was never invited to send, for a non-synchronising one the reader
 * skips the octets before the next command), or opens it once and reads it to its end. Reaching the end
 * also checks the rest of the command line; a problem there, or a NUL octet in a literal that isn't a
 * literal8, makes the stream throw {@link MessageLiteralException}, whose text the session sends as
 * {@code tag BAD text}. So a handler that reads to the end before it commits never stores a message
 * from a malformed command. Closing the stream early is allowed; the reader skips what is left.
 */
public non-sealed interface MessageLiteral extends AppendData {
    /**
     * The octet count the client announced: for an APPEND's message literal within the configured maximum
     * message size; a CATENATE TEXT part's size is the handler's to check, against the whole message's.
     */
    long size();

    /** {@code {n}}: the client waits for a continuation, which {@link #open()} sends. */
    boolean synchronizing();

    /** {@code ~{n}} (literal8, RFC 3516/RFC 6855): NUL octets are allowed. */
    boolean binary();

    /**
     * Sends the continuation request if the literal is synchronising, and returns a stream of exactly
     * {@link #size()} octets. May be called once.
     */
    InputStream open() throws IOException;
}
