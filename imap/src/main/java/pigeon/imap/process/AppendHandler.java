package pigeon.imap.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pigeon.imap.command.Catenation;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MessageLiteral;
import pigeon.imap.command.MessageLiteralException;
import pigeon.imap.encode.Flags;
import pigeon.imap.encode.UidSets;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;

/**
 * APPEND (RFC 9051 §6.3.12, MULTIAPPEND RFC 3502, APPENDUID RFC 4315 §3, CATENATE RFC 4469): the message
 * literals are streamed from the wire into the store, one after the other, and committed together: all of
 * them or none (RFC 3502 §6.3.11). The store reads each to its end before it commits, so a literal that
 * turns out malformed (see {@link pigeon.imap.command.MessageLiteral}), or a CATENATE URL that names
 * nothing ({@link CatenateParts}), stores nothing.
 */
final class AppendHandler {
    /** A message after the first, or a catenated one, is over the limit: the whole APPEND is refused, NO [TOOBIG]. */
    static final class TooBig extends IOException {
        TooBig() { super("message too large"); }
    }

    Outcome append(ImapCommand.Append a, ImapState state, SessionContext ctx) throws IOException, ImapException {
        // Refusals come before the literal is opened: a synchronising one is then never invited.
        MailboxInfo info = ctx.services().mailboxes().find(MailboxHandler.account(state).id(), ctx.mailboxName(a.mailbox()))
                .orElseThrow(() -> ImapException.no("TRYCREATE", "Mailbox does not exist"));
        long max = ctx.services().config().maxMessageSize();
        if (a.data() instanceof MessageLiteral l && l.size() > max) throw ImapException.no("TOOBIG", "Message too large");
        Mailboxes.MessageSource source = new Mailboxes.MessageSource() {
            private ImapCommand.AppendMessage current;

            @Override public Mailboxes.NewMessage next() throws IOException {
                if (current == null) {
                    current = a.first();
                } else {
                    Optional<ImapCommand.AppendMessage> following = current.data().next();
                    if (following.isEmpty()) return null;
                    current = following.get();
                    if (current.data() instanceof MessageLiteral l && l.size() > max) throw new TooBig();
                }
                return message(current, switch (current.data()) {
                    case MessageLiteral l -> l.open();
                    case Catenation c -> new CatenateParts(c, ctx, state, max);
                });
            }
        };
        List<Long> uids;
        try {
            uids = ctx.services().mailboxes().appendAll(info.id(), source);
        } catch (TooBig e) {
            throw ImapException.no("TOOBIG", "Message too large");
        } catch (CatenateParts.BadUrl e) {
            // RFC 4469 §5 (and its erratum 4046): the URL itself follows BADURL, not an astring
            throw ImapException.no("BADURL " + e.responseUrl(), e.getMessage());
        } catch (RuntimeException e) {
            // the store may wrap the stream's complaint; it is still the client's malformed command
            if (e.getCause() instanceof MessageLiteralException m) throw m;
            throw e;
        }
        return Outcome.ok(state, "APPENDUID " + info.uidValidity() + " " + UidSets.format(uids), "APPEND completed");
    }

    private static Mailboxes.NewMessage message(ImapCommand.AppendMessage m, InputStream content) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<String> keywords = new LinkedHashSet<>();
        for (pigeon.imap.command.Flag f : m.flags()) {
            Flag system = Flags.systemFlag(f.name());
            if (system != null) flags.add(system);
            else if (f.isKeyword()) keywords.add(f.name());
            // \Recent and unknown \Extensions can't be set by a client: ignored
        }
        // RFC 9051 §2.3.3: the date-time keeps its zone (INTERNALDATE and SEARCH BEFORE/ON/SINCE use it)
        OffsetDateTime date = m.date().orElseGet(() -> OffsetDateTime.now(ZoneOffset.UTC));
        return new Mailboxes.NewMessage(content, flags, keywords, date);
    }
}
