package pigeon.imap.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message line by line, keeping the absolute offset of every line and only the first
 * {@link #KEEP} octets of its content, so that a 10 MB line of base64 costs no more memory
 * than a short one. A line ends at LF; a CR just before it belongs to the terminator (CRLF),
 * a bare LF is tolerated as a terminator, and a bare CR is content.
 */
final class LineReader {
    static final int KEEP = 64 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private long bufOffset; // absolute offset of buf[0]
    private boolean eof;

    // the current line
    private long start;
    private final byte[] kept = new byte[KEEP];
    private int keptLength;
    private long contentLength;
    private int terminatorLength;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; false at the end of the input. */
    boolean next() throws IOException {
        start = bufOffset + pos;
        keptLength = 0;
        contentLength = 0;
        terminatorLength = 0;
        boolean any = false;
        boolean lastWasCr = false;
        while (true) {
            if (pos == lim && !fill()) {
                return any;
            }
            any = true;
            int i = pos;
            while (i < lim && buf[i] != '\n') i++;
            int n = i - pos;
            if (n > 0) {
                keep(pos, n);
                contentLength += n;
                lastWasCr = buf[i - 1] == '\r';
            }
            if (i < lim) { // found LF
                pos = i + 1;
                terminatorLength = 1;
                if (lastWasCr) {
                    terminatorLength = 2;
                    contentLength--;
                    if (keptLength > contentLength) keptLength = (int) contentLength;
                }
                return true;
            }
            pos = lim;
        }
    }

    private void keep(int from, int n) {
        int room = KEEP - keptLength;
        if (room <= 0) return;
        int m = Math.min(room, n);
        System.arraycopy(buf, from, kept, keptLength, m);
        keptLength += m;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        bufOffset += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim = n;
        return true;
    }

    /** Absolute offset of the line's first octet. */
    long start() {
        return start;
    }

    /** Absolute offset just after the line's terminator. */
    long end() {
        return start + contentLength + terminatorLength;
    }

    /** Octets of content, the terminator excluded. */
    long contentLength() {
        return contentLength;
    }

    /** 2 for CRLF, 1 for a bare LF, 0 for a last line without terminator. */
    int terminatorLength() {
        return terminatorLength;
    }

    /** The kept content: the first {@link #keptLength()} octets are valid. */
    byte[] kept() {
        return kept;
    }

    int keptLength() {
        return keptLength;
    }

    /** Offset just after the last octet read: the message size at the end. */
    long offset() {
        return bufOffset + pos;
    }
}
