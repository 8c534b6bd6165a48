package pigeon.pop3.session;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams a stored message onto the wire as the body of a multi-line reply, never holding it whole. */
final class MessageStreams {
    private MessageStreams() {}

    /**
     * Copies the message dot-stuffed (RFC 1939 §3: a line that starts with "." gets another "."),
     * and makes sure it ends with CRLF so that the terminating ".\r\n" that follows is a line of
     * its own. Stored messages end their lines with CRLF; a line ended by a bare LF is stuffed too,
     * since many clients take LF alone as a line end.
     */
    static void writeDotStuffed(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        boolean lineStart = true;
        int last = -1, beforeLast = -1;
        int n;
        while ((n = in.read(buf)) != -1) {
            if (n == 0) continue;
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (lineStart && buf[i] == '.') {
                    out.write(buf, from, i - from);
                    out.write('.');
                    from = i;  // the original dot goes out with the rest
                }
                lineStart = buf[i] == '\n';
            }
            out.write(buf, from, n - from);
            beforeLast = n >= 2 ? buf[n - 2] & 0xFF : last;
            last = buf[n - 1] & 0xFF;
        }
        if (last == -1) return;  // an empty message: the terminator alone follows
        if (last == '\r') out.write('\n');
        else if (!(last == '\n' && beforeLast == '\r')) out.write(new byte[] {'\r', '\n'});
    }

    /**
     * RFC 1939 §7 TOP: the header, the blank line that ends it, and then at most {@code bodyLines}
     * lines of the body. A message without a blank line is all header, and sent whole.
     */
    static InputStream top(InputStream message, int bodyLines) {
        return new TopStream(new BufferedInputStream(message, 8192), bodyLines);
    }

    private static final class TopStream extends InputStream {
        private final InputStream in;
        private int linesLeft;
        private boolean inHeader = true, done;
        private int lineLength;     // octets of the current line so far, LF excluded
        private boolean lastWasCr;

        TopStream(InputStream in, int bodyLines) {
            this.in = in;
            this.linesLeft = bodyLines;
        }

        @Override public int read() throws IOException {
            if (done) return -1;
            int b = in.read();
            if (b < 0) {
                done = true;
                return -1;
            }
            if (b == '\n') {
                boolean blank = lineLength == 0 || (lineLength == 1 && lastWasCr);
                if (inHeader) {
                    if (blank) {
                        inHeader = false;
                        done = linesLeft == 0;
                    }
                } else {
                    done = --linesLeft == 0;
                }
                lineLength = 0;
                lastWasCr = false;
            } else {
                lineLength++;
                lastWasCr = b == '\r';
            }
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) break;
                b[off + n++] = (byte) c;
                if (done) break;
            }
            return n == 0 ? -1 : n;
        }

        @Override public void close() throws IOException { in.close(); }
    }
}
