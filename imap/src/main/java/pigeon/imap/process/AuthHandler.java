package pigeon.imap.process;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.imap.ImapConfig;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.ImapState.NotAuthenticated;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;
import pigeon.protocol.net.LineTooLongException;
import pigeon.protocol.sasl.SaslPlain;
import pigeon.store.Account;

/** LOGIN (RFC 9051 §6.2.3) and AUTHENTICATE PLAIN (RFC 9051 §6.2.2, RFC 4616, SASL-IR RFC 4959). */
final class AuthHandler {
    private static final Logger log = LoggerFactory.getLogger(AuthHandler.class);

    Outcome login(ImapCommand.Login l, NotAuthenticated state, SessionContext ctx) throws IOException, ImapException {
        requirePlaintextAllowed(ctx);
        return check(l.user(), l.password(), state, ctx);
    }

    Outcome authenticate(ImapCommand.Authenticate a, NotAuthenticated state, SessionContext ctx) throws IOException, ImapException {
        if (!a.mechanism().equals("PLAIN")) throw ImapException.no(null, "Unsupported authentication mechanism");
        requirePlaintextAllowed(ctx);
        String response;
        if (a.initialResponse().isPresent()) {
            response = a.initialResponse().get().equals("=") ? "" : a.initialResponse().get();  // RFC 4959 §3
        } else {
            ctx.out().continuation("");  // "+ ": PLAIN has no challenge
            try {
                response = ctx.reader().readLine();
            } catch (LineTooLongException e) {
                throw ImapException.bad("Authentication response too long");
            }
            if (response == null) throw new EOFException("client left during AUTHENTICATE");
        }
        if (response.equals("*")) throw ImapException.bad("Authentication cancelled");  // RFC 9051 §6.2.2
        Optional<SaslPlain.Credentials> creds = SaslPlain.decode(response);
        if (creds.isEmpty()) return failed(state, ctx, "(malformed PLAIN response)");
        SaslPlain.Credentials c = creds.get();
        Outcome outcome = check(c.username(), c.password(), state, ctx);
        // The authorization identity may only name the user itself: no acting as someone else.
        if (outcome.state() instanceof ImapState.Authenticated auth && !c.authzid().isEmpty()
                && !c.authzid().equalsIgnoreCase(c.username()) && !c.authzid().equalsIgnoreCase(auth.account().address().toString())) {
            return failed(state, ctx, c.username() + " as " + c.authzid());
        }
        return outcome;
    }

    /**
     * RFC 9051 §6.2.1: STARTTLS is answered OK here, and the session starts TLS once the OK is
     * sent. Not offered (no certificate, or TLS already on) is BAD, as for an unknown command.
     */
    Outcome starttls(NotAuthenticated state, SessionContext ctx) throws ImapException {
        if (!ctx.connection().tlsAvailable())
            throw ImapException.bad(ctx.connection().secure() ? "TLS is already active" : "STARTTLS is not available");
        return Outcome.ok(state, "Begin TLS negotiation now");
    }

    /** RFC 9051 §6.2.3: with LOGINDISABLED advertised, cleartext logins get NO. */
    private static void requirePlaintextAllowed(SessionContext ctx) throws ImapException {
        if (!ctx.plaintextAllowed()) throw ImapException.no("PRIVACYREQUIRED", "Cleartext login is not allowed on this connection");
    }

    private Outcome check(String user, String password, NotAuthenticated state, SessionContext ctx) throws IOException {
        Optional<Account> account = ctx.services().directory().authenticate(user, password);
        if (account.isEmpty()) return failed(state, ctx, user);
        ctx.connection().loginSucceeded(user);
        log.info("login {}", account.get().address());
        // RFC 9051 §6.2.3: the OK may carry the capabilities, which change at login
        return Outcome.ok(new ImapState.Authenticated(account.get()), "CAPABILITY " + ctx.capabilities(true), "Logged in");
    }

    private Outcome failed(NotAuthenticated state, SessionContext ctx, String who) throws IOException {
        ImapConfig config = ctx.services().config();
        java.time.Duration delay = ctx.connection().loginFailed(who, config.failedLoginDelay());
        log.info("failed login for {}; answered in {} ms", who, delay.toMillis());
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int failures = state.failedLogins() + 1;
        if (failures >= config.maxFailedLogins()) {
            ctx.out().untagged("BYE Too many failed login attempts");
            return Outcome.no(new ImapState.LoggedOut(), "AUTHENTICATIONFAILED", "Invalid credentials");
        }
        return Outcome.no(new NotAuthenticated(failures), "AUTHENTICATIONFAILED", "Invalid credentials");
    }
}
