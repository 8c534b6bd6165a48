package pigeon.imap.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns bare LFs into CRLF while reading. RFC 3516 §4.3: "servers MUST ensure that textual
 * line-oriented sections are always transmitted using the IMAP4 CRLF line termination syntax",
 * which a base64-encoded text part written on a Unix system does not have.
 */
final class CrlfInputStream extends InputStream {
    private final InputStream in;
    private boolean previousCr;
    private boolean pendingLf;

    CrlfInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            previousCr = false;
            return '\n';
        }
        int c = in.read();
        if (c == '\n' && !previousCr) {
            pendingLf = true;
            return '\r';
        }
        previousCr = c == '\r';
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) break;
            b[off + n++] = (byte) c;
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
