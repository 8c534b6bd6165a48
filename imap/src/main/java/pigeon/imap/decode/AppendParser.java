package pigeon.imap.decode;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;

/**
 * APPEND (RFC 9051 §6.3.12, RFC 3502 MULTIAPPEND): {@code APPEND SP mailbox 1*(SP [flag-list SP]
 * [date-time SP] literal)}, a literal also as RFC 6855 §4's {@code UTF8 (~{n})} or a literal8 (RFC
 * 3516), or RFC 4469's {@code CATENATE (…)} in its place. Parsing stops at each message literal's
 * announcement: the message stays on the wire for the handler ({@link PendingMessage},
 * {@link PendingCatenation}), which asks for the next one once it has read a message.
 */
final class AppendParser {
    private final Cursor c;
    private final Continuation continuation;

    AppendParser(Cursor c, Continuation continuation) {
        this.c = c;
        this.continuation = continuation;
    }

    ImapCommand append(String tag) throws SyntaxException, IOException {
        c.sp();
        String mailbox = c.astring("mailbox name");
        c.sp();
        ImapCommand.AppendMessage m = message();
        return new ImapCommand.Append(tag, mailbox, m.flags(), m.date(), m.utf8(), m.data());
    }

    /** {@code [flag-list SP] [date-time SP] (literal / CATENATE …)}, from the cursor's position; the literal is left on the wire. */
    ImapCommand.AppendMessage message() throws SyntaxException, IOException {
        List<Flag> flags = List.of();
        if (c.peek() == '(') {
            flags = c.flagList();
            c.sp();
        }
        Optional<OffsetDateTime> date = Optional.empty();
        if (c.peek() == '"') {
            date = Optional.of(c.dateTime());
            c.sp();
        }
        if (c.tryKeyword("CATENATE")) {
            c.sp();
            c.expect('(');
            return new ImapCommand.AppendMessage(flags, date, false, new PendingCatenation(c, continuation, this::message));
        }
        boolean utf8 = c.tryKeyword("UTF8");
        if (utf8) {
            c.sp();
            c.expect('(');
            if (c.peek() != '~') throw c.missingOr("literal8");
        } else if (c.peek() != '{' && c.peek() != '~') {
            throw c.missingOr("message literal");
        }
        Cursor.Marker marker = c.marker();
        c.countLiteral();
        if (marker.size() > c.limits.maxMessageSize())
            throw SyntaxException.tooBig("Message too large (limit " + c.limits.maxMessageSize() + " octets)", ParseError.Status.NO);
        PendingMessage message = new PendingMessage(c.input, continuation, marker, utf8 ? ")" : "", c.limits.maxDiscardSize(), this::next);
        return new ImapCommand.AppendMessage(flags, date, utf8, message);
    }

    /** The next message after a literal and the space that follows it: the rest of the line is the next segment. */
    private ImapCommand.AppendMessage next() throws SyntaxException, IOException {
        c.nextSegment();
        return message();
    }
}
