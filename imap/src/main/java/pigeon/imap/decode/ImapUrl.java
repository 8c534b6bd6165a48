package pigeon.imap.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.Section;

/**
 * An IMAP URL of one message or part (RFC 5092), as CATENATE's {@code URL} parts give it (RFC 4469 §5):
 * absolute ({@code imap://user@host/INBOX;UIDVALIDITY=7/;UID=20/;SECTION=1.2}), an absolute path on this
 * server ({@code /INBOX/;UID=20}), or relative to the selected mailbox ({@code ;UID=20/;SECTION=TEXT}).
 * Names are %-decoded (RFC 5092 §9 {@code enc-mailbox}, {@code enc-section}); keys are case-insensitive.
 *
 * @param user        the {@code enc-user} of an absolute URL, decoded
 * @param host        the host of an absolute URL
 * @param mailbox     the mailbox name, decoded; empty for a URL relative to the selected mailbox
 * @param uidValidity {@code ;UIDVALIDITY=}, when given
 * @param section     {@code ;SECTION=} as FETCH would parse it; the whole message without one
 * @param partial     {@code ;PARTIAL=origin[.length]}
 * @param urlAuth     the URL carries {@code ;URLAUTH=} (RFC 4467), which this server does not grant
 */
public record ImapUrl(Optional<String> user, Optional<String> host, Optional<String> mailbox, OptionalLong uidValidity,
                      long uid, Section section, Optional<FetchItem.Partial> partial, boolean urlAuth) {
    private static final String SCHEME = "imap://";

    /** @throws IllegalArgumentException when {@code url} is not an IMAP URL of a message (or part) */
    public static ImapUrl parse(String url) {
        String rest = url;
        Optional<String> user = Optional.empty();
        Optional<String> host = Optional.empty();
        if (rest.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            rest = rest.substring(SCHEME.length());
            int slash = rest.indexOf('/');
            if (slash < 0) throw invalid(url);
            String authority = rest.substring(0, slash);
            rest = rest.substring(slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                int semi = userInfo.indexOf(';');  // ;AUTH=… names a mechanism: any will do on this connection
                String name = decode(semi < 0 ? userInfo : userInfo.substring(0, semi), url);
                if (!name.isEmpty()) user = Optional.of(name);
                authority = authority.substring(at + 1);
            }
            String h = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                    : authority.contains(":") ? authority.substring(0, authority.indexOf(':')) : authority;
            if (h.isEmpty() || h.equals("[") || !authority.substring(h.length()).matches("(:[0-9]*)?")) throw invalid(url);
            host = Optional.of(h);
        }
        Optional<String> mailbox = Optional.empty();
        if (rest.startsWith("/")) {
            int semi = rest.indexOf(';');
            if (semi < 0) throw invalid(url);
            int end = rest.charAt(semi - 1) == '/' ? semi - 1 : semi;  // "/INBOX/;UID=1": the slash goes with ;UID
            String name = rest.substring(1, Math.max(1, end));
            if (name.isEmpty()) throw invalid(url);
            mailbox = Optional.of(decode(name, url));
            rest = rest.substring(end);
        } else if (host.isPresent()) {
            throw invalid(url);
        }
        // what follows the mailbox: [";UIDVALIDITY=n"] "/;UID=n" ["/;SECTION=s"] ["/;PARTIAL=o[.l]"] [";EXPIRE=…"] [";URLAUTH=…"]
        OptionalLong uidValidity = OptionalLong.empty();
        long uid = 0;
        Section section = Section.WHOLE;
        Optional<FetchItem.Partial> partial = Optional.empty();
        boolean urlAuth = false;
        int stage = 0;  // 0: before UIDVALIDITY, 1: before UID, 2: before SECTION, 3: before PARTIAL, 4: authorisation
        boolean first = true;
        while (!rest.isEmpty()) {
            boolean slash = rest.startsWith("/;");
            if (slash) rest = rest.substring(1);
            if (!rest.startsWith(";")) throw invalid(url);
            int end = 1;
            while (end < rest.length() && rest.charAt(end) != ';' && rest.charAt(end) != '/') end++;
            String item = rest.substring(1, end);
            rest = rest.substring(end);
            int eq = item.indexOf('=');
            if (eq < 0) throw invalid(url);
            String key = item.substring(0, eq).toUpperCase(Locale.ROOT);
            String value = item.substring(eq + 1);
            // relative to the selected mailbox, the URL starts at ";UID=" with no slash before it
            boolean needSlash = !(first && mailbox.isEmpty());
            first = false;
            switch (key) {
                case "UIDVALIDITY" -> {
                    if (stage > 0 || slash || mailbox.isEmpty()) throw invalid(url);
                    uidValidity = OptionalLong.of(number(value, 1, url));
                    stage = 1;
                }
                case "UID" -> {
                    if (stage > 1 || slash != needSlash) throw invalid(url);
                    uid = number(value, 1, url);
                    stage = 2;
                }
                case "SECTION" -> {
                    if (stage != 2 || !slash) throw invalid(url);
                    section = FetchParser.section(decode(value, url));
                    stage = 3;
                }
                case "PARTIAL" -> {
                    if (stage < 2 || stage > 3 || !slash) throw invalid(url);
                    int dot = value.indexOf('.');
                    long origin = number(dot < 0 ? value : value.substring(0, dot), 0, url);
                    long length = dot < 0 ? Long.MAX_VALUE : number(value.substring(dot + 1), 1, url);
                    partial = Optional.of(new FetchItem.Partial(origin, length));
                    stage = 4;
                }
                case "EXPIRE", "URLAUTH" -> {
                    if (stage < 2 || slash) throw invalid(url);
                    urlAuth |= key.equals("URLAUTH");
                    stage = 4;
                }
                default -> throw invalid(url);
            }
        }
        if (uid == 0) throw invalid(url);
        return new ImapUrl(user, host, mailbox, uidValidity, uid, section, partial, urlAuth);
    }

    private static long number(String digits, long min, String url) {
        // RFC 5092 §9: number and nz-number are 32-bit
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) throw invalid(url);
        long n = Long.parseLong(digits);
        if (n < min || n > 0xffffffffL) throw invalid(url);
        return n;
    }

    /** RFC 3986 %-decoding to UTF-8; a malformed escape or octet sequence makes the URL invalid. */
    private static String decode(String s, String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%') {
                if (i + 2 >= s.length()) throw invalid(url);
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw invalid(url);
                out.write(hi << 4 | lo);
                i += 2;
            } else if (ch > 0x20 && ch < 0x7f) {
                out.write(ch);
            } else {
                throw invalid(url);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid(url);
        }
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("not an IMAP URL of a message: " + url);
    }
}
