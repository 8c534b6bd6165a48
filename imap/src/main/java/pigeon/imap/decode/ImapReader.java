package pigeon.imap.decode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import pigeon.imap.command.ImapCommand;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.LineTooLongException;

/**
 * Reads IMAP commands from a client, one at a time, into {@link ImapCommand} values (RFC 9051 §2.2.1,
 * §4, §9). Strict and bounded by {@link ImapLimits}; a command that breaks the grammar or a limit
 * becomes a {@link ParseError}, after which the rest of it has been skipped and the next call reads
 * the next command.
 *
 * <p>Literals: before reading a synchronising literal ({@code {n}}) the reader asks for the client's
 * octets through the {@link Continuation}; a non-synchronising one ({@code {n+}}, LITERAL+ per RFC 7888:
 * the server advertises LITERAL+, not LITERAL-, so the same limits apply to both) is read straight
 * away. A literal over the limit is never invited: the error is {@code BAD [TOOBIG]} ({@code NO [TOOBIG]}
 * for APPEND's message) and, if the client is sending it anyway ({@code {n+}}), its octets are read and
 * thrown away up to {@link ImapLimits#maxDiscardSize()}; beyond that the error is fatal.
 *
 * <p>APPEND's message is not read here: {@link ImapCommand.Append#message()} hands it to the handler as
 * a stream (see {@link pigeon.imap.command.MessageLiteral}); the next call to {@link #next()} or
 * {@link #readLine()} first skips whatever the handler left unread.
 *
 * <p>A line ends at CRLF or at a bare LF (for people typing with {@code nc}; an LF can't occur inside a
 * line anywhere in the grammar, so accepting it is unambiguous).
 *
 * <p>Not thread-safe: one reader per connection, used by the session's thread.
 */
public final class ImapReader {
    private static final ReadResult END = new ReadResult.EndOfInput();

    private final ImapLimits limits;
    private final LineInput input;
    private final Cursor cursor;
    private final CommandParser parser;
    private Pending pending;

    /**
     * @param in           the client's octets; read one at a time, so it should be buffered
     * @param continuation sends {@code + …} and flushes, when a synchronising literal is accepted
     */
    public ImapReader(InputStream in, Continuation continuation, ImapLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        this.input = new LineInput(in, limits.maxLineLength());
        this.cursor = new Cursor(input, limits, Objects.requireNonNull(continuation));
        this.parser = new CommandParser(cursor, continuation);
    }

    /** A reader of the connection's input whose continuation is {@code + Ready for literal data}. */
    public static ImapReader over(Connection connection, ImapLimits limits) {
        return new ImapReader(connection.input(), () -> {
            connection.write("+ Ready for literal data\r\n");
            connection.flush();
        }, limits);
    }

    /**
     * Reads the next command.
     *
     * @return the command, a {@link ParseError} to answer, or {@link ReadResult.EndOfInput} when the
     *     client has gone (also in the middle of a command)
     * @throws IOException if reading fails, or a continuation can't be sent
     */
    public ReadResult next() throws IOException {
        try {
            if (!finishPending()) return END;
        } catch (InputOutOfStepException e) {  // the APPEND's handler left a literal too large to skip
            return new ParseError(Optional.empty(), ParseError.Status.BAD, Optional.empty(), e.getMessage(), true);
        }
        cursor.reset();
        parser.name = null;
        if (!input.read()) return END;
        String tag = null;
        try {
            if (input.overlong) {
                tag = tag();
                throw SyntaxException.general("Line too long");
            }
            if (input.len == 0) throw SyntaxException.general("Empty command line");
            tag = tag();
            if (cursor.indexOfNul() >= 0) throw SyntaxException.general("NUL octet in command");
            if (tag == null) throw SyntaxException.general("Invalid tag");
            cursor.pos = tag.length();
            if (!cursor.tryChar(' ') || cursor.atEnd()) throw SyntaxException.general("Missing command");
            if (!Cursor.isAtomChar(cursor.peek())) throw SyntaxException.general("Invalid command name");
            ImapCommand command = parser.parse(tag, cursor.keyword("command name"));
            if (command instanceof ImapCommand.Append append) pending = (Pending) append.data();
            else cursor.end();
            return new ReadResult.Parsed(command);
        } catch (SyntaxException e) {
            try {
                boolean inStep = input.discardRest(limits.maxDiscardSize());
                String text = e.general || parser.name == null ? e.getMessage() : parser.name + ": " + e.getMessage();
                return new ParseError(Optional.ofNullable(tag), e.status, e.code, text, !inStep);
            } catch (EOFException eof) {
                return END;
            }
        } catch (EOFException e) {
            return END;
        }
    }

    /**
     * Reads one plain line, for what follows a command outside the grammar: IDLE's {@code DONE}
     * (RFC 2177), a SASL response (RFC 9051 §6.2.2).
     *
     * @return the line without its ending, or null at the end of the input
     * @throws LineTooLongException after skipping a line longer than {@link ImapLimits#maxLineLength()}
     */
    public String readLine() throws IOException {
        if (!finishPending()) return null;
        if (!input.read()) return null;
        if (input.overlong) throw new LineTooLongException(limits.maxLineLength());
        return new String(input.buf(), 0, input.len, StandardCharsets.UTF_8);
    }

    /**
     * Skips what the handler left of APPEND's message; false if the input ends inside it (the
     * client has gone in the middle of the literal: the end of the input, not a read error;
     * found by ImapCommandFuzzTest).
     */
    private boolean finishPending() throws IOException {
        if (pending != null) {
            Pending p = pending;
            pending = null;
            try {
                p.finish();
            } catch (EOFException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 9051 {@code tag = 1*<any ASTRING-CHAR except "+">}, followed by SP or the line end; null if
     * the line doesn't start with one.
     */
    private String tag() {
        byte[] b = input.buf();
        int end = 0;
        while (end < input.len && (Cursor.isAtomChar(b[end] & 0xff) || b[end] == ']') && b[end] != '+') end++;
        if (end == 0 || (end < input.len && b[end] != ' ')) return null;
        if (end == input.len && input.overlong) return null;  // the line was cut: the "tag" may go on
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }
}
