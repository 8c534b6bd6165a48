package pigeon.imap.decode;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;

/**
 * APPEND (RFC 9051 §6.3.12): {@code APPEND SP mailbox [SP flag-list] [SP date-time] SP literal}, the
 * literal also as RFC 6855 §4's {@code UTF8 (~{n})} or a literal8. Parsing stops at the message
 * literal's announcement: the message stays on the wire for the handler ({@link PendingMessage}).
 * One message per command (MULTIAPPEND is not advertised).
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
        PendingMessage message = new PendingMessage(c.input, continuation, marker, utf8 ? ")" : "", c.limits.maxDiscardSize());
        return new ImapCommand.Append(tag, mailbox, flags, date, utf8, message);
    }
}
