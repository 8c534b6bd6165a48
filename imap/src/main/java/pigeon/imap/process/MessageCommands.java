package pigeon.imap.process;

import java.io.IOException;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState.Selected;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;

/**
 * The message-level commands of the selected state, built on
 * {@link pigeon.imap.session.SelectedMailbox}'s view: FETCH, STORE, COPY, MOVE, SEARCH, SORT, THREAD
 * (plain and UID forms). Each writes its untagged responses and returns the outcome; the session adds
 * the mailbox's pending updates (no expunges after the sequence-number forms of FETCH, STORE, SEARCH,
 * SORT and THREAD) and the tagged reply.
 */
public interface MessageCommands {
    Outcome fetch(ImapCommand.Fetch command, Selected state, SessionContext ctx) throws IOException, ImapException;
    Outcome store(ImapCommand.Store command, Selected state, SessionContext ctx) throws IOException, ImapException;
    Outcome copy(ImapCommand.Copy command, Selected state, SessionContext ctx) throws IOException, ImapException;
    Outcome move(ImapCommand.Move command, Selected state, SessionContext ctx) throws IOException, ImapException;
    Outcome search(ImapCommand.Search command, Selected state, SessionContext ctx) throws IOException, ImapException;
    Outcome sort(ImapCommand.Sort command, Selected state, SessionContext ctx) throws IOException, ImapException;
    Outcome thread(ImapCommand.Thread command, Selected state, SessionContext ctx) throws IOException, ImapException;

    /** Until the message handlers are wired in: every one of them answers {@code NO}. */
    MessageCommands NOT_YET = new MessageCommands() {
        private Outcome no() throws ImapException { throw ImapException.no("CANNOT", "Not implemented yet"); }
        @Override public Outcome fetch(ImapCommand.Fetch c, Selected s, SessionContext x) throws ImapException { return no(); }
        @Override public Outcome store(ImapCommand.Store c, Selected s, SessionContext x) throws ImapException { return no(); }
        @Override public Outcome copy(ImapCommand.Copy c, Selected s, SessionContext x) throws ImapException { return no(); }
        @Override public Outcome move(ImapCommand.Move c, Selected s, SessionContext x) throws ImapException { return no(); }
        @Override public Outcome search(ImapCommand.Search c, Selected s, SessionContext x) throws ImapException { return no(); }
        @Override public Outcome sort(ImapCommand.Sort c, Selected s, SessionContext x) throws ImapException { return no(); }
        @Override public Outcome thread(ImapCommand.Thread c, Selected s, SessionContext x) throws ImapException { return no(); }
    };
}
