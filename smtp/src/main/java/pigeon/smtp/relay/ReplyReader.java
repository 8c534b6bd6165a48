package pigeon.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import pigeon.protocol.net.LineReader;
import pigeon.protocol.net.LineTooLongException;

/**
 * Reads server replies (RFC 5321 §4.2): lines {@code code-text} continue a reply, the line
 * {@code code text} (or just {@code code}) ends it. Every line must carry the same code (§4.2.1).
 */
final class ReplyReader {
    /** §4.5.3.1.5 allows 512 octets per reply line; some servers send longer ones. */
    private static final int MAX_LINE = 4096, MAX_LINES = 200;

    private final LineReader lines;

    ReplyReader(InputStream in) { this.lines = new LineReader(in); }

    SmtpReply read() throws IOException {
        List<String> text = new ArrayList<>();
        int code = -1;
        while (true) {
            LineReader.Line line;
            try {
                line = lines.read(MAX_LINE);
            } catch (LineTooLongException e) {
                throw new ProtocolException("reply line longer than " + MAX_LINE + " octets");
            }
            if (line == null) throw new ProtocolException("connection closed by the server");
            String s = line.text();
            if (s.length() < 3 || !isCode(s) || (s.length() > 3 && s.charAt(3) != ' ' && s.charAt(3) != '-'))
                throw new ProtocolException("malformed reply line: " + abbreviate(s));
            int c = Integer.parseInt(s.substring(0, 3));
            if (code >= 0 && c != code) throw new ProtocolException("reply code changed within a reply: " + abbreviate(s));
            code = c;
            text.add(s.length() > 4 ? s.substring(4) : "");
            if (s.length() == 3 || s.charAt(3) == ' ') return new SmtpReply(code, text);
            if (text.size() >= MAX_LINES) throw new ProtocolException("reply longer than " + MAX_LINES + " lines");
        }
    }

    private static boolean isCode(String s) {
        return s.charAt(0) >= '2' && s.charAt(0) <= '5' && digit(s.charAt(1)) && digit(s.charAt(2));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String s) { return s.length() > 80 ? s.substring(0, 80) + "…" : s; }
}
