package pigeon.webmail;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** The stylesheet and the script, from the classpath, read once; they answer conditional GETs. */
final class StaticAssets {
    private record Asset(byte[] bytes, String type, String etag) {}

    private final Map<String, Asset> assets;
    private final Instant loaded = Instant.now();

    StaticAssets() {
        assets = Map.of("webmail.css", load("webmail.css", "text/css; charset=utf-8"),
                "webmail.js", load("webmail.js", "text/javascript; charset=utf-8"));
    }

    void serve(Context ctx) {
        Asset a = assets.get(ctx.pathParam("file"));
        if (a == null) throw new HttpResponseException(404, "Not found.");
        if (Conditional.notModified(ctx, a.etag(), loaded)) return;
        ctx.contentType(a.type()).result(a.bytes());
    }

    private static Asset load(String name, String type) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("static/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource static/" + name);
            byte[] b = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
            return new Asset(b, type, "\"" + hash + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
