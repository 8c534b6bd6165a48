package pigeon.imap.process;

import java.io.IOException;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.*;
import pigeon.imap.session.CommandHandler;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;

/**
 * One exhaustive switch from command to handler. The session has already checked the state, so the
 * casts to the state a handler needs cannot fail. Handlers are stateless: one instance per server.
 */
public final class Dispatcher implements CommandHandler {
    private final InfoHandler info = new InfoHandler();
    private final AuthHandler auth = new AuthHandler();
    private final MailboxHandler mailbox = new MailboxHandler();
    private final ListHandler list = new ListHandler();
    private final StatusHandler status = new StatusHandler();
    private final SelectHandler select = new SelectHandler();
    private final AppendHandler append = new AppendHandler();
    private final IdleHandler idle = new IdleHandler();
    private final FetchHandler fetch = new FetchHandler();
    private final StoreHandler store = new StoreHandler();
    private final CopyMoveHandler copyMove = new CopyMoveHandler();
    private final SearchHandler search = new SearchHandler();

    @Override public Outcome handle(ImapCommand command, ImapState state, SessionContext ctx) throws IOException, ImapException {
        return switch (command) {
            case Capability c -> info.capability(c, state, ctx);
            case Noop n -> Outcome.ok(state, "NOOP completed");
            case Check c -> Outcome.ok(state, "CHECK completed");  // RFC 3501 §6.4.1: nothing to do; updates follow
            case Logout l -> info.logout(state, ctx);
            case Id i -> info.id(state, ctx);
            case Enable e -> info.enable(e, state, ctx);
            case Namespace n -> info.namespace(state, ctx);
            case Starttls s -> auth.starttls(notAuthenticated(state), ctx);
            case Login l -> auth.login(l, notAuthenticated(state), ctx);
            case Authenticate a -> auth.authenticate(a, notAuthenticated(state), ctx);
            case Create c -> mailbox.create(c, state, ctx);
            case Delete d -> mailbox.delete(d, state, ctx);
            case Rename r -> mailbox.rename(r, state, ctx);
            case Subscribe s -> mailbox.subscribe(s.mailbox(), true, state, ctx);
            case Unsubscribe u -> mailbox.subscribe(u.mailbox(), false, state, ctx);
            case ImapCommand.List l -> list.list(l, state, ctx);
            case Lsub l -> list.lsub(l, state, ctx);
            case Status s -> status.status(s, state, ctx);
            case Select s -> select.select(state, s.mailbox(), false, s.condstore(), s.qresync(), ctx);
            case Examine e -> select.select(state, e.mailbox(), true, e.condstore(), e.qresync(), ctx);
            case Close c -> select.close(selected(state), true, ctx);
            case Unselect u -> select.close(selected(state), false, ctx);
            case Expunge e -> select.expunge(selected(state), null, ctx);
            case UidExpunge u -> select.expunge(selected(state), u.set(), ctx);
            case Append a -> append.append(a, state, ctx);
            case Idle i -> idle.idle(state, ctx);
            case Fetch f -> fetch.fetch(f, synced(state), ctx);
            case Store s -> store.store(s, synced(state), ctx);
            case Copy c -> copyMove.copy(synced(state), c.uid(), c.set(), c.mailbox(), ctx);
            case Move m -> copyMove.move(synced(state), m.uid(), m.set(), m.mailbox(), ctx);
            case Search s -> search.search(s, synced(state), ctx);
            case Sort s -> search.sort(s, synced(state), ctx);
            case ImapCommand.Thread t -> search.thread(t, synced(state), ctx);
            case CancelUpdate u -> search.cancelUpdate(u, selected(state));
        };
    }

    private static ImapState.NotAuthenticated notAuthenticated(ImapState s) { return (ImapState.NotAuthenticated) s; }

    private static ImapState.Selected selected(ImapState s) { return (ImapState.Selected) s; }

    /**
     * For the message commands (FETCH, STORE, COPY, MOVE, SEARCH, SORT, THREAD): the view first learns
     * of expunges made elsewhere ({@code SelectedMailbox.sync}), so that no handler reads a message
     * whose bytes may be gone.
     */
    private static ImapState.Selected synced(ImapState s) {
        ImapState.Selected selected = selected(s);
        selected.mailbox().sync();
        return selected;
    }
}
