package pigeon.protocol.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A buffered input stream for one session's socket. Unlike {@link java.io.BufferedInputStream}
 * it takes no lock per call: a session's input is read by its own thread only, and protocol
 * parsing (line endings, SMTP's end of data) reads one octet at a time, where a lock per octet
 * was a measurable share of the time.
 *
 * <p>An idle connection keeps no buffer: when nothing is ready to read, the buffer is let go and the
 * thread waits for one octet; the buffer comes back with the data. Ten thousand connections waiting in
 * IMAP IDLE then cost a few bytes each here, not the buffer's size. A client that keeps sending
 * (pipelining, message data) keeps its buffer.
 */
final class SessionInput extends InputStream {
    private final InputStream in;
    private final int size;
    private final byte[] one = new byte[1];
    private byte[] buf;
    private int pos, end;

    SessionInput(InputStream in, int size) {
        this.in = in;
        this.size = size;
    }

    private boolean fill() throws IOException {
        pos = end = 0;
        if (in.available() > 0) {
            if (buf == null) buf = new byte[size];
            int n = in.read(buf, 0, size);
            if (n <= 0) return false;
            end = n;
            return true;
        }
        buf = null;  // waiting: keep nothing
        if (in.read(one, 0, 1) <= 0) return false;
        buf = new byte[size];
        buf[0] = one[0];
        end = 1;
        int ready = in.available();
        if (ready > 0) {
            int n = in.read(buf, 1, Math.min(ready, size - 1));
            if (n > 0) end += n;
        }
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
            if (len >= size) return in.read(b, off, len);  // large reads skip the copy
            if (!fill()) return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** What is buffered, plus what the socket has ready: never blocks. */
    @Override public int available() throws IOException { return (end - pos) + in.available(); }

    /** Whether a buffer is held now (for tests: an idle connection holds none). */
    boolean holdsBuffer() { return buf != null; }

    @Override public void close() throws IOException { in.close(); }
}
