package pigeon.pop3.session;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.pop3.Maildrop;
import pigeon.pop3.Pop3Config;
import pigeon.pop3.command.CommandParser;
import pigeon.pop3.command.CommandSyntaxException;
import pigeon.pop3.command.Phase;
import pigeon.pop3.command.Pop3Command;
import pigeon.pop3.session.Pop3State.Authorization;
import pigeon.pop3.session.Pop3State.Closed;
import pigeon.pop3.session.Pop3State.Transaction;
import pigeon.pop3.session.Pop3State.Update;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.LineReader;
import pigeon.protocol.net.LineTooLongException;
import pigeon.store.StoreException;

/**
 * One POP3 session: read a line, parse it, check it is valid in the state, act, reply. The three
 * kinds of failure become replies here and nowhere else: bad syntax and refusals are a plain
 * {@code -ERR}, store failures {@code -ERR [SYS/TEMP]} with the cause in the log.
 */
final class Pop3Session {
    private static final Logger log = LoggerFactory.getLogger(Pop3Session.class);

    private final Pop3Config config;
    private final Connection connection;
    private final Replies replies;
    private final AuthHandler auth;
    private final MaildropHandler maildrop;
    private final RetrieveHandler retrieve;
    private final UpdateHandler update;
    private Pop3State state = Authorization.initial();
    private int errors;

    Pop3Session(Pop3Config config, Maildrop maildrop, MaildropLocks locks, Connection connection) {
        this.config = config;
        this.connection = connection;
        this.replies = new Replies(connection);
        this.auth = new AuthHandler(config, maildrop, locks, connection, replies);
        this.maildrop = new MaildropHandler(replies);
        this.retrieve = new RetrieveHandler(maildrop, replies);
        this.update = new UpdateHandler(config, maildrop, replies);
    }

    void run() throws IOException {
        try {
            // RFC 1939 §4; no APOP timestamp, since APOP is not offered.
            replies.ok("Pigeon POP3 server ready");
            while (!(state instanceof Closed)) {
                if (state instanceof Update u) {
                    state = update.update(u);
                    break;
                }
                replies.flushIfIdle();
                LineReader.Line line;
                try {
                    line = connection.lines().read(config.maxLineLength());
                } catch (LineTooLongException e) {
                    state = error("Line too long");
                    continue;
                }
                if (line == null) break;  // the client went away
                connection.command();
                state = step(line.text());
            }
            replies.flush();
        } catch (SocketTimeoutException e) {
            // RFC 1939 §3 autologout: close without a response and without entering UPDATE.
            log.info("idle too long, closing");
        } finally {
            if (state instanceof Transaction t) {
                // RFC 1939 §6: no QUIT, no UPDATE state: messages marked deleted stay.
                t.lease().close();
                log.info("logout {} without QUIT: {} retrieved, {} marked deleted and kept", t.owner().name(), t.retrieved(), t.size() - t.count());
            }
        }
    }

    private Pop3State step(String line) throws IOException {
        Pop3Command command;
        try {
            command = CommandParser.parse(line);
        } catch (CommandSyntaxException e) {
            log.debug("C: bad command: {}", e.getMessage());
            return error(e.getMessage());
        }
        log.debug("C: {}", command);
        Phase phase = state.phase().orElseThrow();
        if (!command.validIn().contains(phase)) {
            return error(phase == Phase.AUTHORIZATION
                    ? "Command not valid in AUTHORIZATION state: log in first"
                    : "Command not valid in TRANSACTION state: already logged in");
        }
        try {
            return execute(command);
        } catch (Refused e) {
            replies.err(e.getMessage());
            return state;
        } catch (StoreException e) {
            log.warn("store failure during {}", command, e);
            replies.err("[SYS/TEMP] Temporary server failure, try again later");
            return state;
        }
    }

    /**
     * A bad or misplaced command's -ERR, counted: a client that keeps sending them (a confused script,
     * or someone probing) is let go after {@code pop3.max-errors}, without entering UPDATE.
     */
    private Pop3State error(String text) throws IOException {
        replies.err(text);
        if (++errors < config.maxErrors()) return state;
        log.info("closing after {} errors", errors);
        replies.err("Too many errors, closing the connection");
        replies.flush();
        if (state instanceof Transaction t) {
            t.lease().close();
            log.info("logout {} after too many errors: {} marked deleted and kept", t.owner().name(), t.size() - t.count());
        }
        return new Closed();
    }

    /** Dispatch; the validity check above guarantees the state each command casts to. */
    private Pop3State execute(Pop3Command command) throws IOException, Refused {
        return switch (command) {
            case Pop3Command.User u -> auth.user(authorization(), u);
            case Pop3Command.Pass p -> auth.pass(authorization(), p);
            case Pop3Command.Auth a -> auth.auth(authorization(), a);
            case Pop3Command.Capa c -> capa();
            case Pop3Command.Stls s -> stls();
            case Pop3Command.Quit q -> quit();
            case Pop3Command.Stat s -> maildrop.stat(transaction());
            case Pop3Command.List l -> maildrop.list(transaction(), l.message());
            case Pop3Command.Uidl u -> maildrop.uidl(transaction(), u.message());
            case Pop3Command.Dele d -> maildrop.dele(transaction(), d.message());
            case Pop3Command.Rset r -> maildrop.rset(transaction());
            case Pop3Command.Noop n -> maildrop.noop(transaction());
            case Pop3Command.Retr r -> retrieve.retr(transaction(), r.message());
            case Pop3Command.Top t -> retrieve.top(transaction(), t.message(), t.lines());
        };
    }

    /** RFC 2449 §5: the same list in both states. */
    private Pop3State capa() throws IOException {
        replies.ok("Capability list follows");
        for (String c : Capabilities.list(auth.plaintextAllowed(), connection.tlsAvailable() && state instanceof Authorization)) replies.line(c);
        replies.end();
        return state;
    }

    /**
     * RFC 2595 §4: +OK, then the handshake; the session starts AUTHORIZATION afresh (a USER given
     * before is forgotten), and whatever the client sent in the clear after STLS is thrown away.
     */
    private Pop3State stls() throws IOException, Refused {
        if (connection.secure()) throw new Refused("TLS already active");
        if (!connection.tlsAvailable()) throw new Refused("STLS not available");
        replies.ok("Begin TLS negotiation");
        replies.flush();
        if (!connection.startTls()) return new Closed();
        return new Authorization(java.util.Optional.empty(), authorization().failedLogins());
    }

    private Pop3State quit() throws IOException {
        if (state instanceof Transaction t) return new Update(t);
        replies.ok(config.hostname() + " POP3 server signing off");
        return new Closed();
    }

    private Authorization authorization() { return (Authorization) state; }

    private Transaction transaction() { return (Transaction) state; }
}
