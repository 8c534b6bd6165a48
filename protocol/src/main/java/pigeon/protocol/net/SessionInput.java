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
 * <p>An idle connection keeps no large buffer: when nothing is ready to read, the thread waits with
 * a small one (a command line usually fits), and the large one is made again only when more is
 * ready than that. Ten thousand connections waiting in IMAP IDLE then cost {@value #WAITING} octets
 * each here, not the buffer's size; a client that keeps sending (pipelining, message data) reads
 * through the large one.
 */
final class SessionInput extends InputStream {
    static final int WAITING = 512;

    private InputStream in;
    private final int size;
    private final byte[] small = new byte[WAITING];
    private byte[] large;
    private byte[] buf = small;
    private int pos, end;

    SessionInput(InputStream in, int size) {
        this.in = in;
        this.size = size;
    }

    private boolean fill() throws IOException {
        pos = end = 0;
        if (in.available() > 0) {
            if (large == null) large = new byte[size];
            buf = large;
        } else {
            buf = small;  // waiting: let the large buffer go
            large = null;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
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

    /**
     * Reads from {@code next} from now on (the TLS layer after STARTTLS), throwing away what is
     * buffered: octets a client sent after its STARTTLS command, in the clear, are an injection
     * attempt (RFC 3207 §4.2 / CVE-2011-0411) and must never be read as commands.
     *
     * @return how many buffered octets were thrown away
     */
    int switchTo(InputStream next) {
        int dropped = end - pos;
        pos = end = 0;
        buf = small;
        large = null;
        in = next;
        return dropped;
    }

    /** Whether the large buffer is held now (for tests: an idle connection holds only the small one). */
    boolean holdsBuffer() { return large != null; }

    @Override public void close() throws IOException { in.close(); }
}
