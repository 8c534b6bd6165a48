package pigeon.imap.process;

import java.io.IOException;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState.Selected;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;

/**
 * The message commands, a handler per family: FETCH, STORE, COPY/MOVE, SEARCH/SORT/THREAD. Stateless.
 * Each first lets the view learn of expunges made elsewhere ({@code SelectedMailbox.sync}), so that
 * no handler reads a message that is gone.
 */
public final class MessageHandlers implements MessageCommands {
    private final FetchHandler fetch = new FetchHandler();
    private final StoreHandler store = new StoreHandler();
    private final CopyMoveHandler copyMove = new CopyMoveHandler();
    private final SearchHandler search = new SearchHandler();

    @Override public Outcome fetch(ImapCommand.Fetch c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return fetch.fetch(c, s, ctx);
    }

    @Override public Outcome store(ImapCommand.Store c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return store.store(c, s, ctx);
    }

    @Override public Outcome copy(ImapCommand.Copy c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return copyMove.copy(s, c.uid(), c.set(), c.mailbox(), ctx);
    }

    @Override public Outcome move(ImapCommand.Move c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return copyMove.move(s, c.uid(), c.set(), c.mailbox(), ctx);
    }

    @Override public Outcome search(ImapCommand.Search c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return search.search(c, s, ctx);
    }

    @Override public Outcome sort(ImapCommand.Sort c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return search.sort(c, s, ctx);
    }

    @Override public Outcome thread(ImapCommand.Thread c, Selected s, SessionContext ctx) throws IOException, ImapException {
        s.mailbox().sync();
        return search.thread(c, s, ctx);
    }
}
