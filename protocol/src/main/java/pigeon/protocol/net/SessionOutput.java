package pigeon.protocol.net;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A buffered output stream for one session's socket, flushed once per reply. Like
 * {@link SessionInput} it takes no lock, and it keeps no buffer between replies: the buffer is made
 * at a reply's first write and let go at its flush, so an idle connection costs nothing here.
 * Writes of at least the buffer's size go straight to the socket.
 */
final class SessionOutput extends OutputStream {
    private final OutputStream out;
    private final int size;
    private byte[] buf;
    private int count;

    SessionOutput(OutputStream out, int size) {
        this.out = out;
        this.size = size;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override public void write(int b) throws IOException {
        if (buf == null) buf = new byte[size];
        else if (count == size) drain();
        buf[count++] = (byte) b;
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len >= size) {
            if (buf != null) drain();
            out.write(b, off, len);
            return;
        }
        if (buf == null) buf = new byte[size];
        else if (len > size - count) drain();
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override public void flush() throws IOException {
        if (buf != null) drain();
        buf = null;
        out.flush();
    }

    /** Whether a buffer is held now (for tests: none between replies). */
    boolean holdsBuffer() { return buf != null; }

    @Override public void close() throws IOException {
        try { flush(); } finally { out.close(); }
    }
}
