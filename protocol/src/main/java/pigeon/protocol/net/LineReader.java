package pigeon.protocol.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads protocol lines of bounded length from a (buffered) stream. A line ends at LF; a CR just
 * before it is part of the ending, and {@link Line#crlf()} says whether it was there, so that a
 * protocol can insist on CRLF where it matters (SMTP's end of DATA). Bytes are decoded as UTF-8;
 * invalid sequences become U+FFFD, which no command grammar accepts.
 */
public final class LineReader {
    /** One line without its ending. */
    public record Line(String text, boolean crlf) {}

    private final InputStream in;
    private byte[] buf = new byte[256];

    public LineReader(InputStream in) { this.in = in; }

    /**
     * Reads the next line of at most {@code maxLength} octets (ending excluded).
     *
     * @return the line, or {@code null} at end of stream (a partial last line is dropped: a client
     *     that vanished mid-line never sent a command)
     * @throws LineTooLongException after skipping the rest of an overlong line, so that the caller
     *     can answer with an error and carry on
     */
    public Line read(int maxLength) throws IOException {
        int n = 0;
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b < 0) return null;
            if (b == '\n') break;
            if (n > maxLength) { tooLong = true; continue; }  // one extra byte: room for the CR
            if (n == buf.length) buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, maxLength + 1));
            buf[n++] = (byte) b;
        }
        boolean crlf = n > 0 && buf[n - 1] == '\r';
        if (crlf) n--;
        if (tooLong || n > maxLength) throw new LineTooLongException(maxLength);
        return new Line(new String(buf, 0, n, StandardCharsets.UTF_8), crlf);
    }
}
