package pigeon.protocol.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A buffered input stream for one session's socket. Unlike {@link java.io.BufferedInputStream}
 * it takes no lock per call: a session's input is read by its own thread only, and protocol
 * parsing (line endings, SMTP's end of data) reads one octet at a time, where a lock per octet
 * was a measurable share of the time.
 */
final class SessionInput extends InputStream {
    private final InputStream in;
    private final byte[] buf;
    private int pos, end;

    SessionInput(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        end = n;
        return true;
    }

    @Override public int read() throws IOException {
        if (pos == end && !fill()) return -1;
        return buf[pos++] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        if (pos == end) {
            if (len >= buf.length) return in.read(b, off, len);  // large reads skip the copy
            if (!fill()) return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** What is buffered, plus what the socket has ready: never blocks. */
    @Override public int available() throws IOException { return (end - pos) + in.available(); }

    @Override public void close() throws IOException { in.close(); }
}
