package pigeon.imap.decode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import pigeon.imap.command.MessageLiteral;
import pigeon.imap.command.MessageLiteralException;

/**
 * APPEND's message literal, still on the wire (see {@link MessageLiteral} for the handler's side).
 * The stream gives exactly the announced octets; at its end it checks what RFC 9051 wants after the
 * literal (CRLF, or {@code )} CRLF after RFC 6855's {@code UTF8 (~{n}}). The reader calls
 * {@link #finish()} before the next command, which skips whatever the handler left unread.
 */
final class PendingMessage implements MessageLiteral {
    private enum State { NEW, OPEN, DONE }

    private final LineInput input;
    private final Continuation continuation;
    private final Cursor.Marker marker;
    private final String trailer;
    private final long maxDiscard;
    private long remaining;
    private State state = State.NEW;

    PendingMessage(LineInput input, Continuation continuation, Cursor.Marker marker, String trailer, long maxDiscard) {
        this.input = input;
        this.continuation = continuation;
        this.marker = marker;
        this.trailer = trailer;
        this.maxDiscard = maxDiscard;
        this.remaining = marker.size();
    }

    @Override public long size() { return marker.size(); }
    @Override public boolean synchronizing() { return !marker.nonSync(); }
    @Override public boolean binary() { return marker.binary(); }

    @Override public InputStream open() throws IOException {
        if (state != State.NEW) throw new IllegalStateException("the message literal can be opened once");
        state = State.OPEN;
        if (synchronizing()) continuation.request();
        return new Octets();
    }

    /** Called by the reader before it reads on: skips the unread rest, if the client is sending it. */
    void finish() throws IOException {
        if (state == State.DONE) return;
        boolean invited = state == State.OPEN || !synchronizing();
        state = State.DONE;
        if (!invited) return;  // a synchronising literal never opened: the client sent nothing more
        input.skip(remaining);
        remaining = 0;
        try {
            checkTrailer();
        } catch (MessageLiteralException e) {
            // the session has answered already; the rest of the line is skipped
        }
    }

    private void end() throws IOException {
        if (state != State.OPEN) return;
        state = State.DONE;
        checkTrailer();
    }

    /** Reads {@code trailer} and the line end; on anything else skips the rest of the command and throws. */
    private void checkTrailer() throws IOException {
        for (int i = 0; i < trailer.length(); i++) {
            int b = input.readByte();
            if (b != trailer.charAt(i)) mismatch(b, "APPEND: expected '" + trailer.charAt(i) + "' after the message");
        }
        int b = input.readByte();
        if (b == '\r') b = input.readByte();
        if (b != '\n') mismatch(b, "APPEND: expected end of line after the message");
    }

    private void mismatch(int b, String text) throws IOException {
        if (b < 0) throw new EOFException("end of input after a message literal");
        if (b != '\n') {
            if (!input.read()) throw new EOFException("end of input after a message literal");
            if (!input.discardRest(maxDiscard)) throw new IOException("client input out of step after APPEND: literal too large to skip");
        }
        throw new MessageLiteralException(text);
    }

    /** The message's octets, exactly {@code size()} of them. */
    private final class Octets extends InputStream {
        @Override public int read() throws IOException {
            if (remaining == 0) {
                end();
                return -1;
            }
            int b = input.readByte();
            if (b < 0) throw new EOFException("end of input within a message literal");
            remaining--;
            if (b == 0 && !binary()) throw nul();
            return b;
        }

        @Override public int read(byte[] buf, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, buf.length);
            if (len == 0) return 0;
            if (remaining == 0) {
                end();
                return -1;
            }
            int n = input.read(buf, off, (int) Math.min(len, remaining));
            if (n < 0) throw new EOFException("end of input within a message literal");
            remaining -= n;
            if (!binary()) for (int i = off; i < off + n; i++) if (buf[i] == 0) throw nul();
            return n;
        }

        @Override public int available() { return 0; }

        private MessageLiteralException nul() {
            // RFC 9051 §4.3: a literal's CHAR8 excludes NUL; only literal8 may carry it
            return new MessageLiteralException("APPEND: NUL octet in the message (allowed in a literal8 only)");
        }
    }
}
