package pigeon.imap.decode;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import pigeon.imap.command.Catenation;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MessageLiteralException;

/**
 * RFC 4469 CATENATE, still on the wire: {@code CATENATE SP "(" cat-part *(SP cat-part) ")"}, with
 * {@code cat-part = "TEXT" SP literal / "URL" SP astring}. The first part is parsed with the command; each
 * later one when the handler asks, from where the part before it ended: in the same segment after a URL,
 * in the segment after the literal after a TEXT part. After the closing parenthesis, a space means another
 * message of the same APPEND (RFC 3502 MULTIAPPEND), which {@link #next()} parses.
 */
final class PendingCatenation implements Catenation, Pending {
    /** Parses the message after this one from the cursor's position (the parser's side of {@link #next()}). */
    @FunctionalInterface
    interface Following {
        ImapCommand.AppendMessage parse() throws SyntaxException, IOException;
    }

    private final Cursor c;
    private final Continuation continuation;
    private final Following following;
    /** The first part, parsed with the command, until it is handed out. */
    private Part first;
    /** The last TEXT part parsed: its literal is on the wire, or was, and the rest of its line is not read yet. */
    private PendingMessage text;
    /** The closing parenthesis was parsed. */
    private boolean closed;
    /** A space followed it: another message follows. */
    private boolean more;
    /** The message {@link #next()} handed out: the reader finishes it after this one. */
    private Pending successor;
    /** A syntax error was answered: the rest of the command was skipped already. */
    private boolean abandoned;

    /** From the cursor just after {@code CATENATE SP "("}: parses the first part. */
    PendingCatenation(Cursor c, Continuation continuation, Following following) throws SyntaxException, IOException {
        this.c = c;
        this.continuation = continuation;
        this.following = following;
        this.first = part();
    }

    private Part part() throws SyntaxException, IOException {
        if (c.tryKeyword("TEXT")) {
            c.sp();
            if (c.peek() != '{' && c.peek() != '~') throw c.missingOr("literal");
            Cursor.Marker marker = c.marker();
            c.countLiteral();
            text = PendingMessage.part(c.input, continuation, marker, c.limits.maxDiscardSize());
            return new Text(text);
        }
        if (c.tryKeyword("URL")) {
            c.sp();
            return new Url(c.astring("URL"));
        }
        throw c.missingOr("CATENATE part (TEXT or URL)");
    }

    @Override public Optional<Part> nextPart() throws IOException {
        if (abandoned) throw new IllegalStateException("the command was refused");
        if (first != null) {
            Part p = first;
            first = null;
            return Optional.of(p);
        }
        if (closed) return Optional.empty();
        try {
            if (text != null) {
                if (!text.done()) throw new IllegalStateException("the TEXT part was not read to its end");
                text = null;
                c.nextSegment();
            }
            if (c.tryChar(' ')) return Optional.of(part());
            c.expect(')');
            closed = true;
            more = c.tryChar(' ');
            if (!more) c.end();
            return Optional.empty();
        } catch (SyntaxException e) {
            throw abandon(e);
        }
    }

    @Override public Optional<ImapCommand.AppendMessage> next() throws IOException {
        if (!closed) throw new IllegalStateException("the CATENATE parts were not all read");
        if (!more || successor != null) return Optional.empty();
        try {
            ImapCommand.AppendMessage m = following.parse();
            successor = (Pending) m.data();
            return Optional.of(m);
        } catch (SyntaxException e) {
            more = false;
            throw abandon(e);
        }
    }

    /** The cursor is within a segment: skips the rest of the command, as far as the client is sending it. */
    private MessageLiteralException abandon(SyntaxException e) throws IOException {
        abandoned = true;
        discardRest();
        return new MessageLiteralException("APPEND: " + e.getMessage());
    }

    private void discardRest() throws IOException {
        c.input.discardAppendRest(c.limits.maxDiscardSize());
    }

    @Override public void finish() throws IOException {
        if (abandoned) return;
        abandoned = true;
        if (successor != null) {
            successor.finish();
            return;
        }
        if (closed && !more) return;  // the command ended at the parenthesis
        if (text != null) {
            text.finish();
            if (text.clientStopped()) return;  // it waits for a continuation: nothing more was sent
            if (!c.input.read()) throw new EOFException("end of input within a command");
        }
        discardRest();
    }
}
