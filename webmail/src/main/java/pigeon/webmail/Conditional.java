package pigeon.webmail;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conditional GET (RFC 9110 §13) for what never changes under its URL: static assets and
 * attachments of stored (immutable) messages. If-None-Match wins over If-Modified-Since (§13.1.3).
 */
final class Conditional {
    private Conditional() {}

    /**
     * Sets ETag and Last-Modified; answers 304 and returns true when the client's copy is current.
     * @param etag a strong entity tag, quotes included
     */
    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        Instant lm = lastModified.truncatedTo(ChronoUnit.SECONDS);
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lm.atZone(ZoneOffset.UTC)));
        ctx.header("Cache-Control", "private, no-cache");  // keep it, but ask each time (cheap: a 304)
        String inm = ctx.header("If-None-Match");
        boolean current;
        if (inm != null) {
            current = matches(inm, etag);
        } else {
            String ims = ctx.header("If-Modified-Since");
            current = ims != null && !modifiedSince(lm, ims);
        }
        if (current) ctx.status(304);
        return current;
    }

    /** §13.1.2: a list of tags or "*"; weak comparison, which is what If-None-Match uses. */
    private static boolean matches(String header, String etag) {
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String t : header.split(",")) {
            String tag = t.trim();
            if (tag.equals("*")) return true;
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(bare)) return true;
        }
        return false;
    }

    /** An unparseable date counts as "modified" (§13.1.3: ignore the field). */
    private static boolean modifiedSince(Instant lastModified, String header) {
        try {
            Instant since = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
