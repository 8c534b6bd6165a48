package pigeon.smtp.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Message text as DATA sends it (RFC 5321 §4.5.2): a period at the start of a line doubled, every
 * line ending CRLF (a bare CR or LF becomes CRLF: §2.3.8 forbids them on the wire), and
 * {@link #finish()} ends the last line if it needs to and writes the end-of-data line. It does not
 * close the stream underneath.
 */
final class DotStuffingOutputStream extends FilterOutputStream {
    private boolean atLineStart = true, afterCr;

    DotStuffingOutputStream(OutputStream out) { super(out); }

    @Override public void write(int b) throws IOException {
        if (afterCr) {
            afterCr = false;
            out.write('\n');
            atLineStart = true;
            if (b == '\n') return;
        }
        if (b == '\r') {
            out.write('\r');
            afterCr = true;
            return;
        }
        if (b == '\n') {
            out.write('\r');
            out.write('\n');
            atLineStart = true;
            return;
        }
        if (atLineStart && b == '.') out.write('.');
        atLineStart = false;
        out.write(b);
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    /** Ends the data: the last line's CRLF if missing, then {@code .CRLF}; flushes. */
    void finish() throws IOException {
        if (afterCr) {
            out.write('\n');
            afterCr = false;
        } else if (!atLineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write(new byte[] {'.', '\r', '\n'});
        out.flush();
    }

    @Override public void close() throws IOException { flush(); }
}
