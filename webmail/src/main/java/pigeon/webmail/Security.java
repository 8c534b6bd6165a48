package pigeon.webmail;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import pigeon.store.Directory;

/**
 * What runs before every handler: security headers, the session from its cookie, and for every
 * POST the two CSRF checks: the request must come from our own origin (Origin, else Referer, when
 * the browser sends one) and, once logged in, carry the session's token ({@code _csrf}).
 */
final class Security {
    static final String SESSION = "pigeon.session", COOKIE = "pigeon_session", CSRF_FIELD = "_csrf";
    private static final Set<String> PUBLIC_GET = Set.of("/login", "/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml");

    private final Sessions sessions;
    private final Directory directory;

    Security(Sessions sessions, Directory directory) {
        this.sessions = sessions;
        this.directory = directory;
    }

    void before(Context ctx) {
        ctx.header("Content-Security-Policy", Pages.CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with our own forms.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        sessions.find(ctx.cookie(COOKIE)).ifPresent(s -> {
            // An account removed meanwhile (pigeon user remove) takes its sessions with it.
            if (directory.account(s.account().address()).filter(a -> a.id() == s.account().id()).isPresent()) ctx.attribute(SESSION, s);
            else sessions.remove(s.id());
        });
        String path = ctx.path();
        boolean post = ctx.method() == HandlerType.POST;
        if (post && !sameOrigin(ctx)) throw new HttpResponseException(403, "This form did not come from this site.");
        if (path.startsWith("/static/") || PUBLIC_GET.contains(path) || (post && path.equals("/login"))) return;
        Sessions.WebSession s = ctx.attribute(SESSION);
        if (s == null) {
            if (post) throw new HttpResponseException(403, "Your session has ended: log in again.");
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
            return;
        }
        if (post) {
            String token = formParam(ctx, CSRF_FIELD);
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), s.csrfToken().getBytes(StandardCharsets.US_ASCII)))
                throw new HttpResponseException(403, "This form is out of date or did not come from this site.");
        }
    }

    /**
     * A form field, reading the body on first use; a multipart body over the upload limits (Jetty
     * stops reading it) is a 413, any other unreadable body a 400.
     */
    static String formParam(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (Exception e) {  // Jetty's ServletException arrives undeclared through Kotlin
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("max file size") || m.contains("max request size") || m.contains("max length"))
                    throw new HttpResponseException(413, "The message is too large for this server: attach smaller files.");
            }
            throw new HttpResponseException(400, "The form could not be read.");
        }
    }

    static Sessions.WebSession session(Context ctx) {
        Sessions.WebSession s = ctx.attribute(SESSION);
        if (s == null) throw new HttpResponseException(403, "not logged in");
        return s;
    }

    /**
     * The browser's Origin (or, lacking it, Referer) must be this server as the browser addressed it.
     * A request with neither is not from a browser page (browsers send Origin with every POST), so
     * the token check alone decides.
     */
    private static boolean sameOrigin(Context ctx) {
        String own = ctx.scheme() + "://" + ctx.host();
        String origin = ctx.header("Origin");
        if (origin != null) return origin.equalsIgnoreCase(own);
        String referer = ctx.header("Referer");
        if (referer == null) return true;
        try {
            URI u = URI.create(referer);
            return (u.getScheme() + "://" + u.getRawAuthority()).equalsIgnoreCase(own);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** HttpOnly, SameSite=Strict, and Secure when the browser reached us over HTTPS. */
    static Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(COOKIE, value, "/", maxAge, ctx.scheme().equals("https"), true, null, SameSite.STRICT);
    }

    static Optional<String> nonBlank(String s) { return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim()); }
}
