package pigeon.imap.mime;

import java.nio.charset.StandardCharsets;

/**
 * IMAP string syntax in one place (RFC 9051 §4.3, RFC 3501 §4.3).
 *
 * <p>Everything returned here is text meant to be written to the wire as UTF-8: literal
 * lengths are counted in UTF-8 octets. With {@code utf8} false (IMAP4rev1 without
 * UTF8=ACCEPT) a string holding any non-ASCII character goes as a literal, since a
 * rev1 quoted string may hold 7-bit characters only; with {@code utf8} true (IMAP4rev2 or
 * UTF8=ACCEPT, RFC 9051 §4.3 / RFC 6855 §3) it may go as a quoted string.
 */
public final class ImapStrings {
    private ImapStrings() {}

    /** {@code NIL} for null, else {@link #string}. */
    public static String nstring(String s, boolean utf8) {
        return s == null ? "NIL" : string(s, utf8);
    }

    /** A quoted string when the grammar allows one, else a literal {@code {n}\r\n…}. */
    public static String string(String s, boolean utf8) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendString(out, s, utf8);
        return out.toString();
    }

    /** {@code "…"} with {@code \} and {@code "} escaped; the caller has checked {@link #quotable}. */
    public static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    /** {@code {n}\r\n…}, n being the UTF-8 octet count. */
    public static String literal(String s) {
        return "{" + s.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + s;
    }

    /**
     * True when {@code s} may be sent as a quoted string: no CR, LF or NUL (QUOTED-CHAR is a
     * TEXT-CHAR), and no 8-bit character unless UTF-8 is allowed.
     */
    public static boolean quotable(String s, boolean utf8) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) return false;
            if (c > 0x7f && !utf8) return false;
        }
        return true;
    }

    static void appendNstring(StringBuilder out, String s, boolean utf8) {
        if (s == null) out.append("NIL");
        else appendString(out, s, utf8);
    }

    static void appendString(StringBuilder out, String s, boolean utf8) {
        if (quotable(s, utf8)) appendQuoted(out, s);
        else out.append('{').append(s.getBytes(StandardCharsets.UTF_8).length).append("}\r\n").append(s);
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\');
            out.append(c);
        }
        out.append('"');
    }
}
