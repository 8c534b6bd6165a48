package pigeon.imap.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Decodes a quoted-printable body (RFC 2045 §6.7) while it is read: {@code =XX} is an octet, {@code =} at
 * the end of a line (transport padding allowed before the line break) is a soft line break, and an
 * {@code =} that is neither is kept as it is (the RFC's suggested lenient reading).
 */
final class QuotedPrintableInput extends InputStream {
    private static final int MAX_PADDING = 76;
    private final PushbackInputStream in;

    QuotedPrintableInput(InputStream in) {
        this.in = new PushbackInputStream(in, MAX_PADDING + 2);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = in.read();
            if (c != '=') return c;
            int a = in.read();
            if (a == '\n') continue; // soft line break (bare LF tolerated)
            if (a == '\r') {
                int b = in.read();
                if (b != '\n' && b >= 0) in.unread(b);
                continue;
            }
            if (a == ' ' || a == '\t') {
                if (skipPaddingToLineEnd(a)) continue;
                return '=';
            }
            int b = in.read();
            int hi = a < 0 ? -1 : Character.digit(a, 16), lo = b < 0 ? -1 : Character.digit(b, 16);
            if (hi >= 0 && lo >= 0) return hi << 4 | lo;
            if (b >= 0) in.unread(b);
            if (a >= 0) in.unread(a);
            return '=';
        }
    }

    /** After "= " : true (and the line break consumed) if only blanks follow up to the line end. */
    private boolean skipPaddingToLineEnd(int first) throws IOException {
        byte[] seen = new byte[MAX_PADDING + 1];
        int n = 0;
        seen[n++] = (byte) first;
        int c;
        while ((c = in.read()) == ' ' || c == '\t') {
            if (n == MAX_PADDING) break;
            seen[n++] = (byte) c;
        }
        if (c == '\n' || c < 0) return true;
        if (c == '\r') {
            int d = in.read();
            if (d != '\n' && d >= 0) in.unread(d);
            return true;
        }
        in.unread(c);
        in.unread(seen, 0, n);
        return false;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) break;
            b[off + n++] = (byte) c;
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
