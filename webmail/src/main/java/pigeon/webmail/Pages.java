package pigeon.webmail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-rendered pages: Mustache templates from the classpath, which HTML-escape every
 * {@code {{value}}}. The one raw insertion, {@code {{{html}}}}, is a sanitised mail body.
 */
final class Pages {
    /** No script but our own file, no style but ours, images from us (and data:), nothing framed, forms only to us. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The same, for a message the reader asked to show with its remote images. */
    static final String CSP_REMOTE_IMAGES = CSP.replace("img-src 'self' data:", "img-src 'self' data: http: https:");

    private final MustacheFactory factory = new DefaultMustacheFactory("pigeon/webmail/templates");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    /** Renders {@code name.mustache} with the session's common values, as a page nobody caches. */
    void render(Context ctx, String name, Map<String, Object> values) {
        Map<String, Object> scope = new HashMap<>(values);
        Sessions.WebSession s = ctx.attribute(Security.SESSION);
        if (s != null) {
            scope.put("user", s.account().address().toString());
            scope.put("csrf", s.csrfToken());
        }
        StringWriter out = new StringWriter(8192);
        compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache")).execute(out, scope);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    void error(Context ctx, int status, String message) {
        ctx.status(status);
        render(ctx, "error", Map.of("title", "Error " + status, "message", message == null ? "" : message));
    }
}
