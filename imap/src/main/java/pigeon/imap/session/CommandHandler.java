package pigeon.imap.session;

import java.io.IOException;
import pigeon.imap.command.ImapCommand;

/**
 * Acts on one command that is valid in the current state (the session has checked, see
 * {@link CommandStates}). Writes its untagged responses to {@link SessionContext#out()} and returns
 * the outcome; refusals are thrown as {@link ImapException}. Must not flush except to send a
 * continuation request.
 */
@FunctionalInterface
public interface CommandHandler {
    Outcome handle(ImapCommand command, ImapState state, SessionContext context) throws IOException, ImapException;
}
