package pigeon.pop3.session;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.BitSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pigeon.pop3.Maildrop;
import pigeon.pop3.Pop3Config;
import pigeon.pop3.command.Pop3Command;
import pigeon.pop3.session.Pop3State.Authorization;
import pigeon.pop3.session.Pop3State.Closed;
import pigeon.pop3.session.Pop3State.Transaction;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.LineReader;
import pigeon.protocol.net.LineTooLongException;
import pigeon.protocol.sasl.SaslPlain;

/** USER, PASS (RFC 1939 §7) and AUTH (RFC 5034): from AUTHORIZATION to TRANSACTION. */
final class AuthHandler {
    private static final Logger log = LoggerFactory.getLogger(AuthHandler.class);
    /** A SASL response line is not bound by the command limit (RFC 5034 §4); RFC 4954's 12288 is ample. */
    static final int MAX_SASL_RESPONSE = 12288;
    static final String INVALID = "[AUTH] Invalid user name or password";
    static final String PLAINTEXT_DISALLOWED = "[AUTH] Cleartext login is allowed only over TLS or from this machine";

    private final Pop3Config config;
    private final Maildrop maildrop;
    private final MaildropLocks locks;
    private final Connection connection;
    private final LineReader lines;
    private final Replies replies;

    AuthHandler(Pop3Config config, Maildrop maildrop, MaildropLocks locks, Connection connection, Replies replies) {
        this.config = config;
        this.maildrop = maildrop;
        this.locks = locks;
        this.connection = connection;
        this.lines = connection.lines();
        this.replies = replies;
    }

    /** Whether USER/PASS and SASL PLAIN may be used: asked each time, since STLS will change the answer. */
    boolean plaintextAllowed() { return connection.plaintextAuthAllowed(); }

    /** RFC 2595 §2.2: no password in the clear on a connection the policy does not trust. */
    private void requirePlaintextAllowed(String command) throws Refused {
        if (plaintextAllowed()) return;
        log.info("{} refused: cleartext password on an unencrypted, non-local connection", command);
        throw new Refused(PLAINTEXT_DISALLOWED);
    }

    Pop3State user(Authorization state, Pop3Command.User user) throws IOException, Refused {
        requirePlaintextAllowed("USER");
        // No hint whether the user exists: that is for PASS to say, together with the password.
        replies.ok("Send PASS");
        return new Authorization(Optional.of(user.name()), state.failedLogins());
    }

    Pop3State pass(Authorization state, Pop3Command.Pass pass) throws IOException, Refused {
        requirePlaintextAllowed("PASS");
        String user = state.pendingUser().orElseThrow(() -> new Refused("Send USER first"));
        return login(state, user, pass.password());
    }

    Pop3State auth(Authorization state, Pop3Command.Auth auth) throws IOException, Refused {
        if (auth.mechanism().isEmpty()) {
            // Not in RFC 5034, but what many servers and some clients do (the older RFC 1734 draft).
            replies.ok("Supported mechanisms follow");
            if (plaintextAllowed()) replies.line("PLAIN");
            replies.end();
            return state;
        }
        if (!auth.mechanism().get().equals("PLAIN")) throw new Refused("Unsupported authentication mechanism");
        requirePlaintextAllowed("AUTH PLAIN");
        String response;
        if (auth.initialResponse().isPresent()) {
            response = auth.initialResponse().get();
            if (response.equals("=")) response = "";  // RFC 5034 §4: "=" is an empty initial response
        } else {
            replies.challenge();
            LineReader.Line line;
            try {
                line = lines.read(MAX_SASL_RESPONSE);
            } catch (LineTooLongException e) {
                return failed(state, "", "SASL response too long");
            }
            if (line == null) throw new EOFException("client left during AUTH");
            response = line.text();
            if (response.equals("*")) throw new Refused("Authentication cancelled");  // RFC 5034 §4
        }
        Optional<SaslPlain.Credentials> credentials = SaslPlain.decode(response);
        if (credentials.isEmpty()) return failed(state, "", "malformed PLAIN response");
        SaslPlain.Credentials c = credentials.get();
        // RFC 4616 §2: acting as someone else is not supported; naming oneself is fine.
        if (!c.authzid().isEmpty() && !c.authzid().equalsIgnoreCase(c.username()))
            return failed(state, c.username(), "authorization identity " + printable(c.authzid()) + " refused for " + printable(c.username()));
        return login(new Authorization(Optional.empty(), state.failedLogins()), c.username(), c.password());
    }

    private Pop3State login(Authorization state, String username, String password) throws IOException {
        Optional<Maildrop.Owner> owner = maildrop.authenticate(username, password);
        if (owner.isEmpty()) return failed(state, username, "bad credentials for " + printable(username));
        connection.loginSucceeded(username);
        Optional<MaildropLocks.Lease> lease = locks.tryLock(owner.get().id());
        if (lease.isEmpty()) {
            // RFC 1939 §8 and RFC 2449 §8.1.1: another session has this maildrop; stay in AUTHORIZATION.
            log.info("login refused for {}: maildrop in use by another session", owner.get().name());
            replies.err("[IN-USE] Maildrop already locked");
            return new Authorization(Optional.empty(), state.failedLogins());
        }
        Maildrop.Snapshot snapshot;
        try {
            snapshot = maildrop.snapshot(owner.get());
        } catch (RuntimeException e) {
            lease.get().close();
            throw e;
        }
        Transaction t = new Transaction(owner.get(), lease.get(), snapshot, new BitSet(), 0);
        MDC.put("user", owner.get().name());
        log.info("login {} as {}: {} messages, {} octets", printable(username), owner.get().name(), t.count(), t.octets());
        replies.ok(MaildropHandler.summary(t));
        return t;
    }

    /** RFC 1939 §7: back to the start of AUTHORIZATION; after too many failures, the end. */
    private Pop3State failed(Authorization state, String username, String why) throws IOException {
        int failures = state.failedLogins() + 1;
        java.time.Duration delay = connection.loginFailed(username, config.failedLoginDelay());
        log.info("login failed ({} of {}): {}; answered in {} ms", failures, config.maxFailedLogins(), why, delay.toMillis());
        pause(delay);
        replies.err(INVALID);
        if (failures >= config.maxFailedLogins()) {
            log.info("closing after {} failed logins", failures);
            return new Closed();
        }
        return new Authorization(Optional.empty(), failures);
    }

    private void pause(java.time.Duration delay) throws IOException {
        if (delay.isZero()) return;
        replies.flushIfIdle();  // earlier pipelined replies need not wait for the delay
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the failed-login delay");
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
