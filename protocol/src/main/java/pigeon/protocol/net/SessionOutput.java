package pigeon.protocol.net;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A buffered output stream for one session's socket, flushed once per reply. Like
 * {@link SessionInput} it takes no lock, and an idle connection keeps no large buffer: replies go
 * through a small one that short replies fit in; a reply that outgrows it (a FETCH, a long LIST)
 * gets the large one, which is let go at the reply's flush. Writes of at least the large buffer's
 * size go straight to the socket.
 */
final class SessionOutput extends OutputStream {
    static final int SMALL = 1024;

    private OutputStream out;
    private final int size;
    private final byte[] small = new byte[SMALL];
    private byte[] buf = small;
    private int count;

    SessionOutput(OutputStream out, int size) {
        this.out = out;
        this.size = Math.max(size, SMALL);
    }

    /** Makes room for {@code n} more octets (n at most the large size): a larger buffer, or a drain. */
    private void room(int n) throws IOException {
        if (n <= buf.length - count) return;
        if (buf == small) {
            byte[] large = new byte[size];
            System.arraycopy(small, 0, large, 0, count);
            buf = large;
            if (n <= buf.length - count) return;
        }
        drain();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override public void write(int b) throws IOException {
        room(1);
        buf[count++] = (byte) b;
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len >= size) {
            drain();
            out.write(b, off, len);
            return;
        }
        room(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override public void flush() throws IOException {
        drain();
        buf = small;
        out.flush();
    }

    /** Writes to {@code next} from now on (the TLS layer after STARTTLS); what is buffered is sent first. */
    void switchTo(OutputStream next) throws IOException {
        flush();
        out = next;
    }

    /** Whether the large buffer is held now (for tests: not between replies). */
    boolean holdsBuffer() { return buf != small; }

    @Override public void close() throws IOException {
        try { flush(); } finally { out.close(); }
    }
}
