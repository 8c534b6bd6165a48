package pigeon.imap.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Decodes quoted-printable (RFC 2045 §6.7) while reading, leniently, as RFC 2045 §6.7 note 1
 * suggests: {@code =XX} (either case) is the octet, {@code =} before a line break is a soft line
 * break (whitespace between them ignored), whitespace before a hard line break is dropped (rule 3:
 * transports add it), and any other {@code =} is kept as it is. Line breaks are passed through.
 * Memory is bounded: only a run of whitespace is held back while looking for the end of its line.
 */
final class QuotedPrintableInputStream extends InputStream {
    /** Longer runs of whitespace are let through as they are rather than held back. */
    private static final int MAX_HELD = 8192;
    private static final int LONG_RUN = -2;

    private final PushbackInputStream in;
    private byte[] queue = new byte[16];
    private int queuePos;
    private int queueLen;

    QuotedPrintableInputStream(InputStream in) {
        this.in = new PushbackInputStream(in, 2);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (queuePos < queueLen) return queue[queuePos++] & 0xff;
            int c = in.read();
            if (c == ' ' || c == '\t') {
                queueLen = queuePos = 0;
                enqueue(c);
                int next = whitespaceRun();
                if (next == -1 || next == '\r' || next == '\n') queueLen = 0; // trailing whitespace: dropped
                if (next >= 0) in.unread(next);
                continue;
            }
            if (c != '=') return c;
            int n1 = in.read();
            if (n1 == -1) return -1; // "=" at the very end: a soft break with nothing after it
            if (n1 == '\r' || n1 == '\n') {
                softBreak(n1);
                continue;
            }
            if (n1 == ' ' || n1 == '\t') { // "=  CRLF": whitespace added after a soft break
                queueLen = queuePos = 0;
                enqueue('=');
                enqueue(n1);
                int next = whitespaceRun();
                if (next == -1) {
                    queueLen = 0;
                } else if (next == '\r' || next == '\n') {
                    queueLen = 0;
                    softBreak(next);
                } else if (next >= 0) {
                    in.unread(next);
                }
                continue;
            }
            int n2 = in.read();
            int hi = hex(n1), lo = hex(n2);
            if (hi >= 0 && lo >= 0) return hi << 4 | lo;
            if (n2 != -1) in.unread(n2);
            in.unread(n1);
            return '='; // not an escape: kept literally
        }
    }

    /**
     * Reads whitespace into the queue and returns the octet after it (consumed; -1 at the end), or
     * {@link #LONG_RUN} when the run grew too long to be transport padding and is to go out as data.
     */
    private int whitespaceRun() throws IOException {
        int next;
        while ((next = in.read()) == ' ' || next == '\t') {
            enqueue(next);
            if (queueLen >= MAX_HELD) return LONG_RUN;
        }
        return next;
    }

    private void softBreak(int first) throws IOException {
        if (first == '\r') {
            int lf = in.read();
            if (lf != '\n' && lf != -1) in.unread(lf);
        }
    }

    private void enqueue(int b) {
        if (queueLen == queue.length) queue = java.util.Arrays.copyOf(queue, queue.length * 2);
        queue[queueLen++] = (byte) b;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    /** Like {@link InputStream#read(byte[], int, int)}, without swallowing an error after the first octet. */
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
