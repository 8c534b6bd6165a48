package pigeon.imap.session;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MessageLiteralException;
import pigeon.imap.decode.ImapReader;
import pigeon.imap.decode.InputOutOfStepException;
import pigeon.imap.decode.ParseError;
import pigeon.imap.decode.ReadResult;
import pigeon.imap.encode.ResponseWriter;
import pigeon.imap.session.CommandStates.Phase;
import pigeon.imap.session.ImapState.LoggedOut;
import pigeon.imap.session.ImapState.NotAuthenticated;
import pigeon.imap.session.ImapState.Selected;
import pigeon.protocol.net.Connection;
import pigeon.store.StoreException;

/**
 * One IMAP connection: read a command, check it is valid in the state, hand it to the handler, then
 * write the selected mailbox's updates and the tagged reply in one flush. The kinds of failure become
 * replies here and nowhere else: parse errors as the parser words them, refusals as
 * {@link ImapException}s, store failures {@code NO [UNAVAILABLE]} and bugs {@code NO [SERVERBUG]}, with
 * the cause in the log.
 */
public final class ImapSession {
    private static final Logger log = LoggerFactory.getLogger(ImapSession.class);
    /** The last words to a client whose input can't be brought back in step. */
    private static final String CANNOT_RECOVER = "BYE Cannot recover from this error";

    private final CommandHandler handler;
    private final Connection connection;
    private final ResponseWriter out;
    private final SessionContext ctx;
    private ImapState state = new NotAuthenticated(0);
    private int errors;

    public ImapSession(Services services, CommandHandler handler, Connection connection) {
        this.handler = handler;
        this.connection = connection;
        this.out = new ResponseWriter(connection);
        ImapReader reader = ImapReader.over(connection, services.config().limits());
        this.ctx = new SessionContext(services, connection, reader, out);
    }

    public void run() throws IOException {
        try {
            // RFC 9051 §7.1.1: the greeting may carry the capabilities, saving a round trip
            out.untagged("OK [CAPABILITY " + ctx.capabilities(false) + "] Pigeon IMAP4rev2 ready");
            out.flush();
            while (!(state instanceof LoggedOut)) {
                ReadResult next = ctx.reader().next();
                if (!(next instanceof ReadResult.EndOfInput)) connection.command();
                switch (next) {
                    case ReadResult.EndOfInput e -> {  // Thunderbird never says LOGOUT: it just closes
                        log.debug("client closed the connection");
                        return;
                    }
                    case ParseError p -> parseError(p);
                    case ReadResult.Parsed p -> execute(p.command());
                }
            }
        } catch (SocketTimeoutException e) {
            // RFC 9051 §5.4: the autologout timer
            log.info("idle too long, logging out");
            out.untagged("BYE Autologout; idle for too long");
            out.flush();
        } finally {
            if (state instanceof Selected s) s.mailbox().close();
        }
    }

    private void parseError(ParseError p) throws IOException {
        log.debug("C: parse error: {}", p.response());
        out.line(p.response());
        if (p.fatal()) {
            out.untagged(CANNOT_RECOVER);
            state = deselect(new LoggedOut());
        } else {
            countError();
        }
        out.flush();
    }

    /**
     * Counts a BAD: a client that keeps sending commands the server cannot take (a confused script, or
     * someone probing) is logged out after {@code imap.max-errors} of them.
     */
    private void countError() throws IOException {
        if (++errors < ctx.services().config().maxErrors() || state instanceof LoggedOut) return;
        log.info("logging out after {} errors", errors);
        out.untagged("BYE Too many errors");
        state = deselect(new LoggedOut());
    }

    private void execute(ImapCommand command) throws IOException {
        log.debug("C: {}", command);
        Phase phase = CommandStates.phase(state);
        Set<Phase> valid = CommandStates.validIn(command);
        if (!valid.contains(phase)) {
            out.tagged(command.tag(), "BAD", Optional.empty(), CommandStates.wrongState(phase, valid));
            countError();
            out.flush();
            return;
        }
        Outcome outcome = run(command);
        state = deselect(outcome.state());
        if (state instanceof Selected s && !Updates.write(s.mailbox(), ctx, CommandStates.expungesAllowed(command))) {
            state = deselect(new LoggedOut());
        }
        out.tagged(command.tag(), outcome.status().name(), outcome.code(), outcome.text());
        if (outcome.status() == Outcome.Status.BAD) countError();
        out.flush();
        if (command instanceof ImapCommand.Starttls && outcome.status() == Outcome.Status.OK) startTls();
        if (state instanceof ImapState.Authenticated || state instanceof Selected) {
            MDC.put("user", ImapState.account(state).address().toString());
        }
    }

    /**
     * RFC 9051 §6.2.1: the handshake right after the tagged OK; what the client sent after STARTTLS in
     * the clear is thrown away, and the client asks for the capabilities anew (now with AUTH=PLAIN
     * and without STARTTLS).
     */
    private void startTls() throws IOException {
        // the state stays NotAuthenticated: STARTTLS is valid nowhere else
        if (!connection.startTls()) state = new LoggedOut();
    }

    private Outcome run(ImapCommand command) throws IOException {
        try {
            return handler.handle(command, state, ctx);
        } catch (ImapException e) {
            return e.outcome(state);
        } catch (MessageLiteralException e) {  // APPEND's literal turned out malformed: nothing was stored
            return new Outcome(state, Outcome.Status.BAD, Optional.empty(), e.getMessage());
        } catch (InputOutOfStepException e) {  // refused, and what the client still sends can't be skipped
            log.info("closing: {}", e.getMessage());
            out.untagged(CANNOT_RECOVER);
            return new Outcome(new LoggedOut(), Outcome.Status.BAD, Optional.empty(), "APPEND refused; closing the connection");
        } catch (StoreException e) {
            log.warn("store failure during {}", command, e);
            return Outcome.no(state, "UNAVAILABLE", "Temporary server failure, try again later");
        } catch (RuntimeException e) {
            log.error("{} failed", command, e);
            return Outcome.no(state, "SERVERBUG", "Internal server error");
        }
    }

    /** Moves to {@code next}, letting go of the previously selected mailbox if it is not kept. */
    private ImapState deselect(ImapState next) {
        if (state instanceof Selected old && !(next instanceof Selected n && n.mailbox() == old.mailbox())) old.mailbox().close();
        return next;
    }
}
