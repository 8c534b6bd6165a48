package pigeon.imap.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BODY[HEADER.FIELDS (…)] and BODY[HEADER.FIELDS.NOT (…)] (RFC 9051 §6.4.5): the whole fields
 * (first line and folded continuation lines, octets as stored) whose names match, or do not match,
 * one of the names, case-insensitively, in message order; then the blank line that ends the header,
 * if the header has one ("the blank line is always included as part of header data, except in the
 * case of a message that has no body and no blank line", §7.5.2). No field matching gives just the
 * blank line.
 *
 * <p>A line that is not a field (no colon) counts as a field whose name is the whole line, so it
 * never matches: HEADER.FIELDS.NOT keeps it, as mox and Dovecot do. Continuation lines before the
 * first field go with that non-field too.
 */
final class HeaderSubset {
    private HeaderSubset() {}

    /** Reads a header (up to and including its blank line) and returns the selected lines. */
    static byte[] select(InputStream header, List<String> names, boolean not) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (String n : names) wanted.add(n.toLowerCase(Locale.ROOT));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean keep = not; // for continuation lines before any field
        while (readLine(header, line)) {
            byte[] b = line.toByteArray();
            int content = contentLength(b);
            if (content == 0) { // the blank line: end of the header
                out.write(b);
                break;
            }
            if (b[0] != ' ' && b[0] != '\t') keep = wanted.contains(name(b, content)) != not;
            if (keep) out.write(b);
        }
        return out.toByteArray();
    }

    /** The field name of a first line, lower-cased: the octets before the colon, trailing WSP removed. */
    private static String name(byte[] b, int content) {
        int colon = 0;
        while (colon < content && b[colon] != ':') colon++;
        int end = colon;
        if (colon < content) while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == '\t')) end--;
        return new String(b, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /** Length without the line terminator (CRLF or a bare LF). */
    private static int contentLength(byte[] b) {
        int n = b.length;
        if (n > 0 && b[n - 1] == '\n') {
            n--;
            if (n > 0 && b[n - 1] == '\r') n--;
        }
        return n;
    }

    /** Reads one line, terminator included, into {@code line}; false at the end of the input. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int c;
        while ((c = in.read()) >= 0) {
            line.write(c);
            if (c == '\n') return true;
        }
        return line.size() > 0;
    }
}
