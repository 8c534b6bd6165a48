package pigeon.imap.command;

import java.util.Optional;

/**
 * Mailbox name helpers: RFC 3501 §5.1.3's modified UTF-7 (what IMAP4rev1 clients send, and
 * IMAP4rev2 clients until they ENABLE UTF8=ACCEPT) and RFC 9051 §5.1's case-insensitive INBOX.
 * Commands carry mailbox names exactly as sent; the session decides which decoding applies.
 */
public final class MailboxNames {
    public static final String INBOX = "INBOX";
    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();

    private MailboxNames() {}

    /** RFC 9051 §5.1: "INBOX" in any case is the INBOX. */
    public static boolean isInbox(String name) { return name.equalsIgnoreCase(INBOX); }

    /** The name with any spelling of INBOX made "INBOX"; other names unchanged. */
    public static String normalize(String name) { return isInbox(name) ? INBOX : name; }

    /**
     * Encodes a name in modified UTF-7: printable US-ASCII stands for itself ({@code &} as {@code &-}),
     * everything else is UTF-16 in modified BASE64 between {@code &} and {@code -}.
     */
    public static String encodeUtf7(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) end++;
            out.append('&');
            int bits = 0, nbits = 0;
            for (int k = i; k < end; k++) {
                bits = (bits << 16) | name.charAt(k);
                nbits += 16;
                while (nbits >= 6) {
                    nbits -= 6;
                    out.append(BASE64[(bits >> nbits) & 0x3f]);
                }
            }
            if (nbits > 0) out.append(BASE64[(bits << (6 - nbits)) & 0x3f]);
            out.append('-');
            i = end;
        }
        return out.toString();
    }

    /**
     * Decodes a modified UTF-7 name strictly: only printable US-ASCII may occur, every {@code &} must
     * open a well-formed shift ending in {@code -}, and a shift may not encode printable US-ASCII, leave
     * non-zero or excess padding bits, or contain broken UTF-16 (RFC 3501 §5.1.3).
     *
     * @throws IllegalArgumentException if the name is not valid modified UTF-7
     */
    public static String decodeUtf7(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) throw new IllegalArgumentException("not modified UTF-7: character outside printable US-ASCII");
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = name.indexOf('-', i + 1);
            if (end < 0) throw new IllegalArgumentException("not modified UTF-7: unterminated &");
            if (end == i + 1) {
                out.append('&');
                i = end + 1;
                continue;
            }
            decodeShift(name, i + 1, end, out);
            i = end + 1;
        }
        String s = out.toString();
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (Character.isHighSurrogate(ch) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) k++;
            else if (Character.isSurrogate(ch)) throw new IllegalArgumentException("not modified UTF-7: broken UTF-16");
        }
        return s;
    }

    /** {@link #decodeUtf7} without the exception. */
    public static Optional<String> tryDecodeUtf7(String name) {
        try {
            return Optional.of(decodeUtf7(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void decodeShift(String name, int from, int to, StringBuilder out) {
        int bits = 0, nbits = 0;
        for (int k = from; k < to; k++) {
            int v = value(name.charAt(k));
            if (v < 0) throw new IllegalArgumentException("not modified UTF-7: bad BASE64 character");
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                char ch = (char) ((bits >> nbits) & 0xffff);
                if (ch >= 0x20 && ch <= 0x7e) throw new IllegalArgumentException("not modified UTF-7: printable ASCII in a shift");
                out.append(ch);
            }
        }
        if (nbits >= 6 || (bits & ((1 << nbits) - 1)) != 0) throw new IllegalArgumentException("not modified UTF-7: bad padding");
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == ',') return 63;
        return -1;
    }
}
