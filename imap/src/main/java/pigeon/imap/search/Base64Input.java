package pigeon.imap.search;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes a base64 body (RFC 2045 §6.8) while it is read. Lenient as the RFC asks of decoders: characters
 * outside the alphabet (line breaks, stray junk) are ignored, and {@code =} ends the current quantum.
 */
final class Base64Input extends InputStream {
    private final InputStream in;
    private int bits;
    private int count; // bits held in {@code bits}
    private boolean eof;

    Base64Input(InputStream in) {
        this.in = in;
    }

    /** The 6-bit value of a base64 character, or -1. */
    static int value(int c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    }

    @Override
    public int read() throws IOException {
        while (!eof) {
            if (count >= 8) {
                count -= 8;
                return bits >> count & 0xff;
            }
            int c = in.read();
            if (c < 0) {
                eof = true;
            } else if (c == '=') {
                count = 0; // the rest of the quantum is padding
            } else {
                int v = value(c);
                if (v >= 0) {
                    bits = (bits << 6 | v) & 0xffffff;
                    count += 6;
                }
            }
        }
        return -1;
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
