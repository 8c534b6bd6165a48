package pigeon.webmail;

import java.net.InetAddress;
import pigeon.protocol.sasl.LoginThrottle;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.store.Account;
import pigeon.store.Directory;

/** Log in with the account's address and password (the same check as IMAP, POP3 and SMTP AUTH), log out. */
final class AuthRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);

    private final Directory directory;
    private final Sessions sessions;
    private final LoginThrottle throttle;  // shared with IMAP, POP3 and SMTP AUTH
    private final WebmailConfig config;
    private final Pages pages;

    AuthRoutes(Directory directory, Sessions sessions, LoginThrottle throttle, WebmailConfig config, Pages pages) {
        this.directory = directory;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
        this.pages = pages;
    }

    void form(Context ctx) {
        if (ctx.attribute(Security.SESSION) != null) {
            ctx.redirect("/");
            return;
        }
        pages.render(ctx, "login", Map.of("title", "Log in"));
    }

    void login(Context ctx) throws InterruptedException, java.net.UnknownHostException {
        String user = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = ctx.ip();
        InetAddress from = InetAddress.getByName(ip);  // a literal address: no lookup
        if (throttle.failures(from, user) >= config.maxFailedLogins()) {
            log.info("webmail login refused for {} from {}: too many failures", user, ip);
            ctx.status(429);
            pages.render(ctx, "login", Map.of("title", "Log in", "username", user,
                    "error", "Too many failed logins. Wait a few minutes, then try again."));
            return;
        }
        Optional<Account> account = user.isEmpty() ? Optional.empty() : directory.authenticate(user, password);
        if (account.isEmpty()) {
            java.time.Duration delay = throttle.failed(from, user, config.failedLoginDelay());
            log.info("webmail login failed for {} from {}; answered in {} ms", user, ip, delay.toMillis());
            Thread.sleep(delay.toMillis());
            ctx.status(401);
            pages.render(ctx, "login", Map.of("title", "Log in", "username", user, "error", "Wrong address or password."));
            return;
        }
        throttle.succeeded(user);
        sessions.remove(ctx.cookie(Security.COOKIE));  // a fresh id at each login: no session fixation
        Sessions.WebSession s = sessions.create(account.get());
        ctx.cookie(Security.cookie(ctx, s.id(), sessions.maxAgeSeconds()));
        log.info("webmail login {} from {}", account.get().address(), ip);
        ctx.redirect("/");
    }

    void logout(Context ctx) {
        sessions.remove(ctx.cookie(Security.COOKIE));
        ctx.cookie(Security.cookie(ctx, "", 0));
        ctx.redirect("/login");
    }
}
