package pigeon.smtp.relay;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One reply of a remote SMTP server (RFC 5321 §4.2): a three-digit code and its text lines, without
 * the code and separator (a multi-line reply has several).
 *
 * @param code  the reply code, 200–599
 * @param lines the text of each line (possibly empty strings)
 */
public record SmtpReply(int code, List<String> lines) {
    // RFC 3463 §2 status code at the start of the text, as RFC 2034 servers put it.
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s|$)");

    public SmtpReply {
        if (code < 200 || code > 599) throw new IllegalArgumentException("reply code " + code);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) lines = List.of("");
    }

    public boolean positive() { return code < 400; }

    /** 4xx: try again later. */
    public boolean temporary() { return code >= 400 && code < 500; }

    /** 5xx: failed for good. */
    public boolean permanent() { return code >= 500; }

    /** The RFC 3463 status the server gave (e.g. {@code 5.1.1}), if its first line starts with one. */
    public Optional<String> enhancedStatus() {
        var m = ENHANCED.matcher(lines.get(0));
        return m.find() && m.group(1).charAt(0) == Integer.toString(code).charAt(0)
                ? Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3)) : Optional.empty();
    }

    /** The enhanced status, or one made from the reply's class ({@code 2.0.0}, {@code 4.0.0}, {@code 5.0.0}). */
    public String status() { return enhancedStatus().orElse(code / 100 + ".0.0"); }

    /** The reply on one line, as a DSN's Diagnostic-Code shows it: {@code 550 5.1.1 No such user}. */
    @Override public String toString() { return code + " " + String.join(" ", lines).strip(); }
}
