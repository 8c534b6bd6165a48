package pigeon.imap.process;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MailboxNames;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;
import pigeon.store.Account;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;

/** CREATE, DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE (RFC 9051 §6.3.4–§6.3.8, RFC 6154 §3). */
final class MailboxHandler {
    /** RFC 6154 attributes a mailbox can be created with; \All and \Flagged would need virtual mailboxes. */
    private static final List<String> USES = List.of("\\Archive", "\\Drafts", "\\Junk", "\\Sent", "\\Trash");

    Outcome create(ImapCommand.Create c, ImapState state, SessionContext ctx) throws ImapException {
        Account account = account(state);
        String name = ctx.mailboxName(c.mailbox());
        checkName(name);
        Mailboxes store = ctx.services().mailboxes();
        if (store.find(account.id(), name).isPresent()) throw ImapException.no("ALREADYEXISTS", "Mailbox already exists");
        Optional<String> use = Optional.empty();
        if (!c.specialUse().isEmpty()) {
            // RFC 6154 §3: a server that can't give the attribute answers NO [USEATTR]
            if (c.specialUse().size() > 1 || !USES.contains(c.specialUse().getFirst()))
                throw ImapException.no("USEATTR", "Special-use attribute not supported");
            use = Optional.of(c.specialUse().getFirst().substring(1));
        }
        try {
            store.create(account.id(), name, use);
        } catch (IllegalArgumentException e) {
            throw ImapException.no("CANNOT", "Cannot create a mailbox of that name");
        }
        return Outcome.ok(state, "CREATE completed");
    }

    Outcome delete(ImapCommand.Delete d, ImapState state, SessionContext ctx) throws ImapException {
        String name = ctx.mailboxName(d.mailbox());
        // RFC 9051 §6.3.5: deleting INBOX is an error
        if (MailboxNames.isInbox(name)) throw ImapException.no("CANNOT", "INBOX cannot be deleted");
        MailboxInfo info = find(ctx, account(state), name);
        ctx.services().mailboxes().delete(info.id());
        return Outcome.ok(leaveIfSelected(state, info), "DELETE completed");
    }

    Outcome rename(ImapCommand.Rename r, ImapState state, SessionContext ctx) throws ImapException {
        Account account = account(state);
        String from = ctx.mailboxName(r.from()), to = ctx.mailboxName(r.to());
        checkName(to);
        MailboxInfo info = find(ctx, account, from);
        Mailboxes store = ctx.services().mailboxes();
        if (MailboxNames.isInbox(to) || store.find(account.id(), to).isPresent())
            throw ImapException.no("ALREADYEXISTS", "A mailbox of that name already exists");
        if (to.startsWith(info.name() + "/")) throw ImapException.no("CANNOT", "Cannot rename a mailbox into itself");
        try {
            store.rename(info.id(), to);
        } catch (IllegalArgumentException e) {
            throw ImapException.no("CANNOT", "Cannot rename to that name");
        }
        // A renamed mailbox keeps its identity in the store: a session that has it selected goes on.
        return Outcome.ok(state, "RENAME completed");
    }

    /**
     * RFC 9051 §6.3.7–8: SUBSCRIBE checks that the mailbox exists (RFC 3501 lets the server); UNSUBSCRIBE
     * takes any name, so that the subscription of a deleted mailbox can be dropped.
     */
    Outcome subscribe(String mailbox, boolean subscribe, ImapState state, SessionContext ctx) throws ImapException {
        Account account = account(state);
        String name = ctx.mailboxName(mailbox);
        if (subscribe) name = find(ctx, account, name).name();
        try {
            ctx.services().mailboxes().setSubscribed(account.id(), name, subscribe);
        } catch (IllegalArgumentException e) {
            throw ImapException.no("CANNOT", "Invalid mailbox name");
        }
        return Outcome.ok(state, subscribe ? "SUBSCRIBE completed" : "UNSUBSCRIBE completed");
    }

    static MailboxInfo find(SessionContext ctx, Account account, String name) throws ImapException {
        return ctx.services().mailboxes().find(account.id(), name)
                .orElseThrow(() -> ImapException.no("NONEXISTENT", "Mailbox does not exist"));
    }

    static Account account(ImapState state) {
        return switch (state) {
            case ImapState.Authenticated a -> a.account();
            case ImapState.Selected s -> s.account();
            default -> throw new IllegalStateException("not authenticated");
        };
    }

    /** Wildcards in names would make LIST patterns ambiguous; empty levels ("a//b") name nothing. */
    private static void checkName(String name) throws ImapException {
        if (name.contains("*") || name.contains("%") || name.contains("//") || name.startsWith("/")
                || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))
            throw ImapException.no("CANNOT", "Invalid mailbox name");
    }

    /** The session's own DELETE of the selected mailbox deselects it (other sessions get BYE). */
    private static ImapState leaveIfSelected(ImapState state, MailboxInfo deleted) {
        if (state instanceof ImapState.Selected s && s.mailbox().mailboxId() == deleted.id()) return new ImapState.Authenticated(s.account());
        return state;
    }
}
