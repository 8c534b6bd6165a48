package pigeon.smtp.reply;

import java.util.List;

/**
 * One SMTP reply (RFC 5321 §4.2): a code, an RFC 3463 enhanced status code (empty where RFC 2034
 * §3 leaves it out: the greeting, HELO/EHLO and 354), and one or more lines of text.
 */
public record Reply(int code, String enhancedCode, List<String> lines) {
    public Reply {
        if (code < 200 || code > 599) throw new IllegalArgumentException("reply code " + code);
        if (!enhancedCode.isEmpty() && !enhancedCode.matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}"))
            throw new IllegalArgumentException("enhanced status code " + enhancedCode);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("a reply has at least one line");
        for (String l : lines)
            if (l.indexOf('\r') >= 0 || l.indexOf('\n') >= 0) throw new IllegalArgumentException("line break in reply text");
    }

    public static Reply of(int code, String enhancedCode, String text) { return new Reply(code, enhancedCode, List.of(text)); }

    /** Without an enhanced status code. */
    public static Reply plain(int code, String text) { return new Reply(code, "", List.of(text)); }

    /** A 5xx reply: a permanent failure, which counts towards the session's error limit. */
    public boolean permanentFailure() { return code >= 500; }

    /**
     * The reply as sent: {@code 250-…} for every line but the last, {@code 250 …} for the last
     * (RFC 5321 §4.2.1), the enhanced code repeated on each line (RFC 2034 §4).
     */
    public String wire() {
        StringBuilder b = new StringBuilder(64 * lines.size());
        String prefix = enhancedCode.isEmpty() ? "" : enhancedCode + " ";
        for (int i = 0; i < lines.size(); i++)
            b.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(prefix).append(lines.get(i)).append("\r\n");
        return b.toString();
    }

    @Override public String toString() { return code + (enhancedCode.isEmpty() ? "" : " " + enhancedCode) + " " + lines.get(lines.size() - 1); }
}
