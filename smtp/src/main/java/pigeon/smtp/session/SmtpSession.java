package pigeon.smtp.session;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.LineReader;
import pigeon.protocol.net.LineTooLongException;
import pigeon.protocol.sasl.Authenticator;
import pigeon.smtp.SmtpConfig;
import pigeon.smtp.command.CommandParser;
import pigeon.smtp.command.SmtpCommand;
import pigeon.smtp.command.SmtpCommand.*;
import pigeon.smtp.reply.Replies;
import pigeon.smtp.reply.Reply;
import pigeon.smtp.session.SmtpState.*;

/**
 * One SMTP session (RFC 5321): greet, then read a line, parse it, act on it in the current state,
 * reply, until QUIT or the client goes. Runs on the connection's own (virtual) thread.
 */
public final class SmtpSession {
    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

    private final SmtpConfig config;
    private final Connection connection;
    private final SessionIo io;
    private final CommandParser parser;
    private final TransactionHandler transactions;
    private final DataHandler data;
    private final AuthHandler auth;
    private SmtpState state = new Connected();
    private int errors;

    public SmtpSession(SmtpConfig config, DeliveryTarget target, Authenticator authenticator, Connection connection) {
        this.config = config;
        this.connection = connection;
        this.io = new SessionIo(connection);
        this.parser = new CommandParser(config.hostname());
        this.auth = new AuthHandler(config, authenticator, connection, io);
        this.transactions = new TransactionHandler(config, target, connection, auth::offered);
        this.data = new DataHandler(config, connection, io);
    }

    public void run() throws IOException {
        try {
            send(Replies.greeting(config.hostname()));
            while (!(state instanceof Closing)) {
                Outcome outcome = next();
                state = outcome.next();
                if (outcome.reply().isPresent()) send(outcome.reply().get());
            }
            io.flush();
        } finally {
            state.abortTransaction();  // the client vanished, or a write failed
        }
    }

    private Outcome next() throws IOException {
        LineReader.Line line;
        try {
            line = io.readLine(config.maxCommandLineLength() - 2);
        } catch (LineTooLongException e) {
            log.debug("command line too long");
            return Outcome.reply(state, Replies.forProblem(Problem.LINE_TOO_LONG, ""));
        } catch (SocketTimeoutException e) {
            log.info("timeout waiting for a command");
            state.abortTransaction();
            return Outcome.reply(new Closing(), Replies.timeout(config.hostname()));
        }
        if (line == null) {
            log.debug("client closed the connection");
            state.abortTransaction();
            return Outcome.silent(new Closing());
        }
        connection.command();
        SmtpCommand command = parser.parse(line.text());
        log.debug("{}", command);
        return dispatch(command);
    }

    /**
     * The one switch over every command. Which states a command is valid in is said here once, by
     * the guards; a command in the wrong state gets 503 (RFC 5321 §4.1.4: NOOP, HELP, VRFY, EXPN
     * and RSET are valid in any state, HELO/EHLO too). AUTH is an EHLO extension, and RFC 4954 §4
     * does not permit it during a mail transaction.
     */
    private Outcome dispatch(SmtpCommand command) throws IOException {
        return switch (command) {
            case Helo h -> transactions.hello(state, h.domain(), false);
            case Ehlo e -> transactions.hello(state, e.domain(), true);
            case Mail m when state instanceof Greeted g -> transactions.mail(g, m);
            case Mail m -> same(Replies.badSequence(state instanceof MailGiven ? "Nested MAIL command" : "Send HELO or EHLO first"));
            case Rcpt r when state instanceof MailGiven t -> transactions.rcpt(t, r);
            case Rcpt r -> same(Replies.badSequence("Need MAIL before RCPT"));
            case Data d when state instanceof MailGiven t -> data.data(t);
            case Data d -> same(Replies.badSequence("Need MAIL before DATA"));
            case Auth a when state instanceof Greeted g && g.client().extended() -> auth.auth(g, a);
            case Auth a -> same(Replies.badSequence(state instanceof MailGiven
                    ? "AUTH not permitted during a mail transaction" : "Send EHLO first"));
            case StartTls t -> startTls();
            case Rset r -> transactions.rset(state);
            case Noop n -> same(Replies.OK);
            case Vrfy v -> same(Replies.VRFY);
            case Expn e -> same(Replies.EXPN);
            case Help h -> same(Replies.HELP);
            case Quit q -> {
                state.abortTransaction();
                yield Outcome.reply(new Closing(), Replies.quit(config.hostname()));
            }
            case Unknown u -> same(Replies.unknownCommand());
            case Invalid i -> same(Replies.forProblem(i.problem(), i.detail()));
        };
    }

    /**
     * RFC 3207 §4: after EHLO, outside a mail transaction; 220, then the handshake, then the
     * session starts over (§4.2: all knowledge from the client, EHLO and AUTH included, is discarded,
     * and so are any commands it pipelined in the clear after STARTTLS).
     */
    private Outcome startTls() throws IOException {
        if (connection.secure()) return same(Replies.TLS_ACTIVE);
        if (!connection.tlsAvailable()) return same(Replies.TLS_UNAVAILABLE);
        if (!(state instanceof Greeted g) || !g.client().extended())
            return same(Replies.badSequence(state instanceof MailGiven ? "STARTTLS not permitted during a mail transaction" : "Send EHLO first"));
        io.send(Replies.TLS_READY);
        io.flush();
        return Outcome.silent(connection.startTls() ? new Connected() : new Closing());
    }

    private Outcome same(Reply reply) { return Outcome.reply(state, reply); }

    /** Buffers a reply, counting failures: past the limit, the session ends (a client looping on errors, or probing). */
    private void send(Reply reply) throws IOException {
        io.send(reply);
        if (reply.permanentFailure() && ++errors >= config.maxErrors() && !(state instanceof Closing)) {
            log.info("closing after {} errors", errors);
            state.abortTransaction();
            state = new Closing();
            io.send(Replies.tooManyErrors(config.hostname()));
        }
    }
}
