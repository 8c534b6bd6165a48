package pigeon.imap.decode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The client's octets as IMAP line segments: what comes up to a line end (LF, with or without CR),
 * bounded. A command is one segment, or several joined by literals: RFC 9051 §4.3 puts a literal's
 * {@code {n}} at the end of a segment, its octets after the CRLF, and the command goes on after them.
 *
 * <p>Every segment's last octets are watched for a literal announcement, even in a segment too long
 * to keep, so that an error can always skip a rest of command that the client is sending anyway
 * ({@link #discardRest}). Reads one octet at a time from the session's own buffered stream (no second
 * buffer, so the session may read the same stream, e.g. a line with the protocol's LineReader).
 */
final class LineInput {
    private static final int TAIL = 32;  // "~{" + 19 digits + "+}\r" fits
    /**
     * The buffer starts this small and grows to the longest segment, up to the limit; a read after a
     * segment longer than this starts small again. Ten thousand idle connections (IDLE) must not each
     * keep a buffer of the largest line the server accepts.
     */
    static final int INITIAL = 1024;

    private final InputStream in;
    private final int maxLine;
    private byte[] buf;
    private final byte[] ring = new byte[TAIL];
    private long count;  // octets in the current line, ending included
    int len;             // octets of the current segment in buf, ending excluded
    boolean overlong;    // the segment exceeded maxLine: buf holds its start only
    long tailLiteral;    // the literal announced at the segment's end, or -1
    boolean tailNonSync;

    LineInput(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
        this.buf = new byte[Math.min(INITIAL, maxLine + 1)];
    }

    /** The current segment's octets, {@code [0, len)}; valid until the next {@link #read()}. */
    byte[] buf() { return buf; }

    /** Reads the next segment; false at the end of the input (a partial last line is dropped). */
    boolean read() throws IOException {
        len = 0;
        count = 0;
        overlong = false;
        if (buf.length > INITIAL) buf = new byte[INITIAL];
        while (true) {
            int b = in.read();
            if (b < 0) return false;
            ring[(int) (count++ % TAIL)] = (byte) b;
            if (b == '\n') break;
            if (len <= maxLine) {  // one extra octet: room for the CR
                if (len == buf.length) buf = java.util.Arrays.copyOf(buf, Math.min(2 * buf.length, maxLine + 1));
                buf[len++] = (byte) b;
            } else {
                overlong = true;
            }
        }
        if (!overlong && len > 0 && buf[len - 1] == '\r') len--;
        if (len > maxLine) overlong = true;
        if (overlong) len = Math.min(len, maxLine);
        findTailLiteral();
        return true;
    }

    /** Looks for {@code {n}}, {@code {n+}}, {@code ~{n}} or {@code ~{n+}} just before the line end. */
    private void findTailLiteral() {
        tailLiteral = -1;
        tailNonSync = false;
        int n = (int) Math.min(count, TAIL);
        byte[] t = new byte[n];
        for (int i = 0; i < n; i++) t[i] = ring[(int) ((count - n + i) % TAIL)];
        int end = n - 1;  // the LF
        if (end > 0 && t[end - 1] == '\r') end--;
        int i = end - 1;
        if (i < 0 || t[i] != '}') return;
        i--;
        boolean plus = i >= 0 && t[i] == '+';
        if (plus) i--;
        long size = 0;
        int digits = 0;
        while (i >= 0 && t[i] >= '0' && t[i] <= '9') {
            digits++;
            i--;
        }
        if (digits == 0 || i < 0 || t[i] != '{') return;
        for (int k = i + 1; k <= i + digits; k++) {
            size = size > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : size * 10 + (t[k] - '0');
        }
        tailLiteral = size;
        tailNonSync = plus;
    }

    /** Reads exactly {@code n} octets (a literal's contents). */
    byte[] readBytes(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) throw new EOFException("end of input within a literal");
        return data;
    }

    /** Reads one octet; -1 at the end of the input. */
    int readByte() throws IOException { return in.read(); }

    /** Reads up to {@code n} octets into {@code b}; -1 at the end of the input. */
    int read(byte[] b, int off, int n) throws IOException { return in.read(b, off, n); }

    void skip(long n) throws IOException { in.skipNBytes(n); }

    /**
     * Skips the rest of a rejected command. The current segment is already read; if it announced a
     * non-synchronising literal, the client is sending it, so its octets and the segment after them are
     * skipped, and so on. A synchronising literal ends the command: the client waits for a continuation
     * it will not get (RFC 9051 §7.5: a tagged BAD answers instead).
     *
     * @return false if a literal was larger than {@code maxDiscard}: the input is out of step for good
     */
    boolean discardRest(long maxDiscard) throws IOException {
        while (tailLiteral >= 0 && tailNonSync) {
            if (tailLiteral > maxDiscard) return false;
            skip(tailLiteral);
            if (!read()) throw new EOFException("end of input within a command");
        }
        return true;
    }

    /** {@link #discardRest} for what an APPEND left: past {@code maxDiscard} the input is out of step, and that ends the session. */
    void discardAppendRest(long maxDiscard) throws IOException {
        if (!discardRest(maxDiscard)) throw new InputOutOfStepException();
    }
}
