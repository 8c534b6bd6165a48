package pigeon.imap.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in a header value.
 *
 * <p>RFC 2047 §6.2: whitespace between two adjacent encoded words is dropped. Adjacent words in the same
 * charset are decoded together, so a multi-byte character split across two words survives. Lenient, as
 * mail readers are: words are decoded even when glued to other text or inside quotes; a charset Java
 * doesn't know, or a malformed word, is left as it is; RFC 2231 language suffixes ({@code utf-8*en}) are
 * ignored; B text with bad padding decodes as far as it goes.
 */
final class EncodedWords {
    private EncodedWords() {}

    private record Word(Charset charset, byte[] octets, int end) {}

    /** The value with its encoded words decoded; null for null. */
    static String decode(String value) {
        if (value == null || !value.contains("=?")) return value;
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Charset pendingCharset = null;
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("=?", i);
            Word w = start < 0 ? null : word(value, start);
            if (w == null) {
                int to = start < 0 ? value.length() : start + 2;
                pendingCharset = flush(out, pending, pendingCharset);
                out.append(value, i, to);
                i = to;
                continue;
            }
            String between = value.substring(i, start);
            if (pendingCharset == null || !between.isBlank()) {
                pendingCharset = flush(out, pending, pendingCharset);
                out.append(between);
            }
            if (pendingCharset != null && !pendingCharset.equals(w.charset)) pendingCharset = flush(out, pending, pendingCharset);
            pending.writeBytes(w.octets);
            pendingCharset = w.charset;
            i = w.end;
        }
        flush(out, pending, pendingCharset);
        return out.toString();
    }

    private static Charset flush(StringBuilder out, ByteArrayOutputStream pending, Charset charset) {
        if (charset != null) {
            out.append(new String(pending.toByteArray(), charset));
            pending.reset();
        }
        return null;
    }

    /** The encoded word starting at {@code start} (at "=?"), or null when there is none there. */
    private static Word word(String s, int start) {
        int q1 = s.indexOf('?', start + 2);
        if (q1 < 0 || q1 + 2 >= s.length() || s.charAt(q1 + 2) != '?') return null;
        char enc = Character.toUpperCase(s.charAt(q1 + 1));
        if (enc != 'B' && enc != 'Q') return null;
        int textStart = q1 + 3;
        int end = s.indexOf("?=", textStart);
        if (end < 0) return null;
        String text = s.substring(textStart, end);
        String name = s.substring(start + 2, q1);
        if (name.isEmpty() || hasSpace(name) || hasSpace(text)) return null;
        int star = name.indexOf('*');
        Charset charset = charset(star < 0 ? name : name.substring(0, star));
        if (charset == null) return null;
        byte[] octets = enc == 'B' ? base64(text) : q(text);
        return new Word(charset, octets, end + 2);
    }

    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) <= ' ') return true;
        return false;
    }

    /** A charset by name; US-ASCII is read as UTF-8 (its superset), as 8-bit text labelled ASCII is common. */
    static Charset charset(String name) {
        try {
            Charset c = Charset.forName(name.trim());
            return c.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : c;
        } catch (IllegalArgumentException e) {
            return null; // unknown or illegal name
        }
    }

    /** RFC 2047 §4.2 "Q": {@code _} is a space, {@code =XX} an octet, anything else itself. */
    private static byte[] q(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int hi, lo;
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && (hi = hex(text, i + 1)) >= 0 && (lo = hex(text, i + 2)) >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int hex(String s, int i) {
        return i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
    }

    /** RFC 2047 §4.1 "B", leniently: characters outside the alphabet are skipped, padding is optional. */
    private static byte[] base64(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int bits = 0, n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = Base64Input.value(text.charAt(i));
            if (v < 0) continue;
            bits = bits << 6 | v;
            n += 6;
            if (n >= 8) {
                n -= 8;
                out.write(bits >> n & 0xff);
            }
        }
        return out.toByteArray();
    }
}
