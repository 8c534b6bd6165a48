package pigeon.smtp.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The message text of one DATA command (RFC 5321 §4.1.1.4, §4.5.2), read from the session's input
 * up to the end-of-data line and not one octet further, so that the session goes on reading
 * commands from the same buffer. What comes out has CRLF line endings and no dot-stuffing; the
 * end-of-data line itself is not part of it (the CRLF before it is: it ends the last line).
 *
 * <p>End of data is {@code <CRLF>.<CRLF>} and nothing else. This is the defence against SMTP
 * smuggling (SEC Consult, December 2023; CVE-2023-51764 and kin): a sending server that passes
 * {@code <LF>.<LF>}, {@code <LF>.<CRLF>} or {@code <CR>.<CRLF>} through as ordinary content would,
 * if we ended the data there, let the rest of its content become a second message, forged
 * under the sending server's authenticated identity. So bare CR and bare LF never begin a protocol
 * line, and a period after them is content. They are still turned into CRLF in what is stored
 * (RFC 5321 §2.3.8 forbids them, and IMAP clients stumble over them).
 *
 * <p>A bare CR or LF in the header section, before the first empty line, would become a line
 * break in what is stored, and so a header field of its own ({@code Subject: x<CR>Bcc: victim}):
 * such a message is marked ({@link #bareLineBreakInHeader()}) for the session to refuse (RFC 5322
 * §2.2, as Postfix's {@code smtpd_forbid_bare_newline} does). This holds whatever the DATA command
 * line ended in (RFC 5321 §4.1.1.4: a lone LF never ends the data, not even for {@code nc} without
 * {@code -C}).
 *
 * <p>Lines longer than the limit (counted as sent, dot-stuffing included, line ending excluded)
 * make reads throw {@link DataLimitException}; reaching the end of the input before the end of
 * the data throws {@link EOFException}. Both stick: later reads throw again, so a consumer that
 * catches and carries on cannot mistake a truncated message for a whole one. After either, the
 * session calls {@link #drain()} to skip to the end of the data.
 */
public final class DotStream extends InputStream {
    private final InputStream in;
    private final int maxLineLength, maxLineContent;
    private final byte[] out = new byte[3];
    private int outPos, outLen;
    private int pushback = -1;
    private boolean atLineStart = true;
    private int lineLength;
    private boolean ended, lineTooLong, discarding;
    private boolean inHeader = true, bareInHeader;
    private IOException failure;

    /**
     * @param in            the session's buffered input, just after the DATA command line
     * @param maxLineLength the longest line allowed, in octets including CRLF (RFC 5321 counts so)
     */
    public DotStream(InputStream in, int maxLineLength) {
        if (maxLineLength < 3) throw new IllegalArgumentException("line limit " + maxLineLength);
        this.in = Objects.requireNonNull(in);
        this.maxLineLength = maxLineLength;
        this.maxLineContent = maxLineLength - 2;
    }

    @Override public int read() throws IOException {
        if (failure != null) throw failure;
        if (lineTooLong && !discarding) throw new DataLimitException(DataLimitException.Limit.LINE_LENGTH, maxLineLength);
        while (outPos == outLen) {
            if (ended) return -1;
            step();
        }
        return out[outPos++] & 0xff;
    }

    /** Fills as much of {@code b} as it can, blocking if need be; message bodies have no reason to hurry. */
    @Override public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) break;
            b[off + n++] = (byte) c;
        }
        return n == 0 ? -1 : n;
    }

    /** Zero once the data has ended; otherwise what is decoded but not yet read (never blocks). */
    @Override public int available() { return outLen - outPos; }

    /**
     * Reads and discards everything up to the end of the data, ignoring the line limit.
     *
     * @return whether anything was left unread
     * @throws IOException if the connection fails or ends first
     */
    public boolean drain() throws IOException {
        if (failure != null) throw failure;
        discarding = true;
        boolean left = outPos < outLen;
        outPos = outLen;
        while (!ended) {
            step();
            left |= outLen > 0;
            outPos = outLen;
        }
        return left;
    }

    /** Whether the end-of-data line has been read. */
    public boolean ended() { return ended; }

    /** Whether reading failed: the client closed the connection, timed out, or the socket broke. */
    public boolean failed() { return failure != null; }

    /** What reading failed with, if it did. */
    public IOException failure() { return failure; }

    public boolean lineTooLong() { return lineTooLong; }

    /** Whether a bare CR or LF came before the end of the header section (the message is to be refused). */
    public boolean bareLineBreakInHeader() { return bareInHeader; }

    /** Decodes one step of the input into {@link #out}; may produce nothing (the end of data, a stuffing dot). */
    private void step() throws IOException {
        outPos = outLen = 0;
        int b = raw();
        if (b == '\r') {
            int c = raw();
            if (c == '\n') lineBreak(true);
            else {  // bare CR: stored as a line break, but it does not begin a protocol line
                bareLineBreak();
                pushback = c;
            }
        } else if (b == '\n') {
            bareLineBreak();  // bare LF: likewise
        } else if (atLineStart && b == '.') {
            atLineStart = false;
            counted();
            int c = raw();
            if (c == '\r') {
                int d = raw();
                if (d == '\n') {  // <CRLF>.<CRLF>
                    ended = true;
                    return;
                }
                bareLineBreak();  // ".<CR>x": the first period is dropped, the bare CR stored as a line break
                pushback = d;
            } else if (c == '\n') {
                bareLineBreak();  // ".<LF>": content, not the end
            } else {
                pushback = c;  // RFC 5321 §4.5.2: a line's leading period is deleted
            }
        } else {
            atLineStart = false;
            counted();
            out[outLen++] = (byte) b;
        }
    }

    private void lineBreak(boolean crlf) {
        // the header section ends at its first empty line; with CRLF at the start of a line, that is here
        if (crlf && lineLength == 0 && atLineStart) inHeader = false;
        out[outLen++] = '\r';
        out[outLen++] = '\n';
        lineLength = 0;
        atLineStart = crlf;
    }

    private void bareLineBreak() {
        if (inHeader) bareInHeader = true;
        lineBreak(false);
    }

    private void counted() throws DataLimitException {
        if (++lineLength > maxLineContent && !discarding) {
            lineTooLong = true;
            throw new DataLimitException(DataLimitException.Limit.LINE_LENGTH, maxLineLength);
        }
    }

    private int raw() throws IOException {
        if (pushback >= 0) {
            int b = pushback;
            pushback = -1;
            return b;
        }
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (b < 0) {
            failure = new EOFException("connection closed before the end of DATA");
            throw failure;
        }
        return b;
    }
}
