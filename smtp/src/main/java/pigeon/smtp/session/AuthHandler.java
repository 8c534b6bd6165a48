package pigeon.smtp.session;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.LineReader;
import pigeon.protocol.net.LineTooLongException;
import pigeon.protocol.sasl.Authenticator;
import pigeon.protocol.sasl.SaslPlain;
import pigeon.smtp.SmtpConfig;
import pigeon.smtp.command.SmtpCommand.Auth;
import pigeon.smtp.reply.Replies;
import pigeon.smtp.reply.Reply;
import pigeon.smtp.session.SmtpState.*;

/**
 * AUTH (RFC 4954) with PLAIN (RFC 4616) and LOGIN: the SASL exchange is straight-line code here,
 * reading the client's responses itself. Success leaves the account name in the {@link Client},
 * which every later transaction's envelope carries. Passwords and the base64 that holds them are
 * never logged: one line per attempt names the user and the outcome.
 */
final class AuthHandler {
    private static final Logger log = LoggerFactory.getLogger(AuthHandler.class);
    /**
     * RFC 4954 §4: a SASL response is not bound by the command line limit; 12288 octets "is
     * considered to be a sufficient line length limit" for the deployed mechanisms.
     */
    static final int MAX_SASL_RESPONSE = 12288;

    private final SmtpConfig config;
    private final Authenticator authenticator;
    private final Connection connection;
    private final SessionIo io;

    AuthHandler(SmtpConfig config, Authenticator authenticator, Connection connection, SessionIo io) {
        this.config = config;
        this.authenticator = authenticator;
        this.connection = connection;
        this.io = io;
    }

    /** Whether EHLO offers AUTH: the password mechanisms only where {@link Connection#plaintextAuthAllowed()} allows them. */
    boolean offered() { return connection.plaintextAuthAllowed(); }

    /** AUTH after EHLO, outside a mail transaction (the session checked both). */
    Outcome auth(Greeted state, Auth command) throws IOException {
        // RFC 4954 §4: "After a successful AUTH command completes, a server MUST reject any further AUTH commands".
        if (state.client().authenticatedUser().isPresent()) return Outcome.reply(state, Replies.ALREADY_AUTHENTICATED);
        if (!Replies.MECHANISMS.contains(command.mechanism())) return Outcome.reply(state, Replies.AUTH_UNKNOWN_MECHANISM);
        // RFC 4954 §4 and §6: no cleartext password mechanism on an unprotected connection.
        if (!offered()) {
            log.info("AUTH {} refused: cleartext mechanism on an unencrypted, non-local connection", command.mechanism());
            return Outcome.reply(state, Replies.AUTH_NEEDS_ENCRYPTION);
        }
        return switch (command.mechanism()) {
            case "PLAIN" -> plain(state, command.initialResponse());
            case "LOGIN" -> login(state, command.initialResponse());
            default -> throw new IllegalStateException("offered but not implemented: " + command.mechanism());
        };
    }

    /** RFC 4616: one response, {@code authzid NUL authcid NUL passwd}; the challenge is empty. */
    private Outcome plain(Greeted state, Optional<String> initial) throws IOException {
        Answer a = initial.isPresent() ? initial(state, "PLAIN", initial.get()) : ask(state, "PLAIN", Replies.challenge(""));
        if (a instanceof Answer.Ended e) return e.outcome();
        Optional<SaslPlain.Credentials> c = SaslPlain.decode(((Answer.Response) a).base64());
        if (c.isEmpty()) return failed(state, "PLAIN", "", "malformed PLAIN response");
        return check(state, "PLAIN", c.get().authzid(), c.get().username(), c.get().password());
    }

    /**
     * LOGIN (draft-murchison-sasl-login): the server asks "Username:" then "Password:"; many
     * clients send the user name as an initial response, and are then asked only for the password.
     */
    private Outcome login(Greeted state, Optional<String> initial) throws IOException {
        Answer user = initial.isPresent() ? initial(state, "LOGIN", initial.get()) : ask(state, "LOGIN", Replies.LOGIN_USERNAME);
        if (user instanceof Answer.Ended e) return e.outcome();
        Answer password = ask(state, "LOGIN", Replies.LOGIN_PASSWORD);
        if (password instanceof Answer.Ended e) return e.outcome();
        return check(state, "LOGIN", "", ((Answer.Response) user).text(), ((Answer.Response) password).text());
    }

    private Outcome check(Greeted state, String mechanism, String authzid, String username, String password) throws IOException {
        if (username.isEmpty()) return failed(state, mechanism, username, "empty user name");
        Optional<String> account;
        try {
            account = authenticator.authenticate(username, password);
        } catch (RuntimeException e) {
            log.warn("AUTH {} {}: authenticator failed", mechanism, printable(username), e);
            return Outcome.reply(state, Replies.AUTH_TEMPORARY_FAILURE);
        }
        if (account.isEmpty()) return failed(state, mechanism, username, "invalid credentials");
        // RFC 4616 §2: acting as someone else is not supported; naming oneself (by login or account name) is.
        if (!authzid.isEmpty() && !authzid.equalsIgnoreCase(username) && !authzid.equalsIgnoreCase(account.get()))
            return failed(state, mechanism, username, "may not act as " + printable(authzid));
        connection.loginSucceeded(username);
        MDC.put("user", account.get());
        log.info("AUTH {} {}: authenticated as {}", mechanism, printable(username), account.get());
        Client c = state.client();
        return Outcome.reply(new Greeted(new Client(c.heloName(), c.extended(), account)), Replies.AUTH_OK);
    }

    /** A failed attempt: logged, delayed, answered 535 (which the session counts as an error). */
    private Outcome failed(Greeted state, String mechanism, String username, String why) throws IOException {
        java.time.Duration delay = connection.loginFailed(username, config.failedAuthDelay());
        log.info("AUTH {} {}: failed, {}; answered in {} ms", mechanism, username.isEmpty() ? "(no user)" : printable(username), why, delay.toMillis());
        if (!delay.isZero()) {
            io.flush();  // earlier pipelined replies need not wait for the delay
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted during the failed-AUTH delay");
            }
        }
        return Outcome.reply(state, Replies.AUTH_INVALID);
    }

    /** What the client answered: a checked base64 response, or how the exchange ended instead. */
    private sealed interface Answer {
        record Response(String base64) implements Answer {
            String text() { return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8); }
        }

        record Ended(Outcome outcome) implements Answer {}
    }

    /** RFC 4954 §4: the initial response from the command line; "=" stands for an empty one. */
    private Answer initial(Greeted state, String mechanism, String response) {
        return checked(state, mechanism, response.equals("=") ? "" : response);
    }

    /** Sends a 334 challenge and reads the client's response line. */
    private Answer ask(Greeted state, String mechanism, Reply challenge) throws IOException {
        io.send(challenge);
        io.flush();  // the client waits for it
        LineReader.Line line;
        try {
            line = io.readLine(MAX_SASL_RESPONSE);
        } catch (LineTooLongException e) {
            log.info("AUTH {}: response line too long", mechanism);
            return new Answer.Ended(Outcome.reply(state, Replies.AUTH_LINE_TOO_LONG));
        } catch (SocketTimeoutException e) {
            log.info("AUTH {}: timeout waiting for the client's response", mechanism);
            return new Answer.Ended(Outcome.reply(new Closing(), Replies.timeout(config.hostname())));
        }
        if (line == null) {
            log.info("AUTH {}: client closed the connection", mechanism);
            return new Answer.Ended(Outcome.silent(new Closing()));
        }
        // RFC 4954 §4: "*" cancels the exchange, answered with 501.
        if (line.text().equals("*")) {
            log.info("AUTH {}: cancelled by the client", mechanism);
            return new Answer.Ended(Outcome.reply(state, Replies.AUTH_CANCELLED));
        }
        return checked(state, mechanism, line.text());
    }

    /** RFC 4954 §4: a response that is not base64 ends the exchange with 501 5.5.2. */
    private static Answer checked(Greeted state, String mechanism, String base64) {
        try {
            Base64.getDecoder().decode(base64);
            return new Answer.Response(base64);
        } catch (IllegalArgumentException e) {
            log.info("AUTH {}: response is not base64", mechanism);
            return new Answer.Ended(Outcome.reply(state, Replies.AUTH_BAD_BASE64));
        }
    }

    /** A client-supplied name made safe for one log line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 100));
        for (int i = 0; i < s.length() && i < 100; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return s.length() > 100 ? b.append("...").toString() : b.toString();
    }
}
