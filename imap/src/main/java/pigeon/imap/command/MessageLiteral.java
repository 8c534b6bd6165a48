package pigeon.imap.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

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
public interface MessageLiteral {
    /** The octet count the client announced (within the configured maximum message size). */
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

    /**
     * RFC 3502 MULTIAPPEND: once this literal was read to its end, the next message of the same APPEND
     * ({@code SP [flag-list SP] [date-time SP] literal}), parsed from what follows on the wire; empty when
     * the command ended there. Its literal is the next one on the wire, under the same contract.
     *
     * @throws MessageLiteralException when what follows breaks the grammar or a limit (the reader skips
     *     the rest of the command)
     * @throws IllegalStateException before this literal was read to its end
     */
    Optional<ImapCommand.AppendMessage> next() throws IOException;
}
