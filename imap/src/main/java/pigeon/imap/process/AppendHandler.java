package pigeon.imap.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MessageLiteralException;
import pigeon.imap.encode.Flags;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;

/**
 * APPEND (RFC 9051 §6.3.12, APPENDUID RFC 4315 §3): the message literal is streamed from the wire into
 * the store, which reads it to its end before it commits: a literal that turns out malformed (see
 * {@link pigeon.imap.command.MessageLiteral}) stores nothing.
 */
final class AppendHandler {
    Outcome append(ImapCommand.Append a, ImapState state, SessionContext ctx) throws IOException, ImapException {
        // Refusals come before the literal is opened: a synchronising one is then never invited.
        MailboxInfo info = ctx.services().mailboxes().find(MailboxHandler.account(state).id(), ctx.mailboxName(a.mailbox()))
                .orElseThrow(() -> ImapException.no("TRYCREATE", "Mailbox does not exist"));
        if (a.message().size() > ctx.services().config().maxMessageSize())
            throw ImapException.no("TOOBIG", "Message too large");
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<String> keywords = new LinkedHashSet<>();
        for (pigeon.imap.command.Flag f : a.flags()) {
            Flag system = Flags.systemFlag(f.name());
            if (system != null) flags.add(system);
            else if (f.isKeyword()) keywords.add(f.name());
            // \Recent and unknown \Extensions can't be set by a client: ignored
        }
        Instant date = a.date().map(OffsetDateTime::toInstant).orElseGet(Instant::now);
        long uid;
        try (InputStream in = a.message().open()) {
            uid = ctx.services().mailboxes().append(info.id(), in, flags, keywords, date);
        } catch (RuntimeException e) {
            // the store may wrap the stream's complaint; it is still the client's malformed command
            if (e.getCause() instanceof MessageLiteralException m) throw m;
            throw e;
        }
        return Outcome.ok(state, "APPENDUID " + info.uidValidity() + " " + uid, "APPEND completed");
    }
}
