package pigeon.imap.decode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MessageLiteral;
import pigeon.imap.command.MessageLiteralException;

/**
 * APPEND's message literal, still on the wire (see {@link MessageLiteral} for the handler's side).
 * The stream gives exactly the announced octets; at its end it checks what RFC 9051 wants after the
 * literal (CRLF, or {@code )} CRLF after RFC 6855's {@code UTF8 (~{n}}), or a space: then another
 * message follows (RFC 3502 MULTIAPPEND), which {@link #next()} parses. The reader calls
 * {@link #finish()} before the next command, which skips whatever the handler left unread, the
 * messages it never asked for included.
 *
 * <p>A CATENATE TEXT part ({@link #part}) is a literal in the middle of a command: nothing is checked
 * after it, the rest of the line being the catenation's to parse ({@link PendingCatenation}).
 */
final class PendingMessage implements MessageLiteral, Pending {
    private enum State { NEW, OPEN, DONE }

    /** Parses the next message from the segment after this literal (the parser's side of {@link #next()}). */
    @FunctionalInterface
    interface NextMessage {
        ImapCommand.AppendMessage parse() throws SyntaxException, IOException;
    }

    private final LineInput input;
    private final Continuation continuation;
    private final Cursor.Marker marker;
    private final String trailer;
    private final long maxDiscard;
    private final NextMessage nextMessage;
    private long remaining;
    private State state = State.NEW;
    /** A space followed the literal: another message of the same APPEND is on the wire. */
    private boolean continues;
    /** The message {@link #next()} handed out; it is finished after this one. */
    private Pending successor;
    /** A synchronising literal that was never opened was skipped: the client sent nothing after its announcement. */
    private boolean clientStopped;

    PendingMessage(LineInput input, Continuation continuation, Cursor.Marker marker, String trailer, long maxDiscard,
                   NextMessage nextMessage) {
        this.input = input;
        this.continuation = continuation;
        this.marker = marker;
        this.trailer = trailer;
        this.maxDiscard = maxDiscard;
        this.nextMessage = nextMessage;
        this.remaining = marker.size();
    }

    /** A CATENATE TEXT part: the rest of the command, after the literal, is the caller's. */
    static PendingMessage part(LineInput input, Continuation continuation, Cursor.Marker marker, long maxDiscard) {
        return new PendingMessage(input, continuation, marker, "", maxDiscard, null);
    }

    private boolean isPart() { return nextMessage == null; }

    /** Read to its end, or skipped by {@link #finish()}. */
    boolean done() { return state == State.DONE; }

    /** After {@link #finish()}: the literal was synchronising and never invited, so the command ended at its announcement. */
    boolean clientStopped() { return clientStopped; }

    @Override public long size() { return marker.size(); }
    @Override public boolean synchronizing() { return !marker.nonSync(); }
    @Override public boolean binary() { return marker.binary(); }

    @Override public InputStream open() throws IOException {
        if (state != State.NEW) throw new IllegalStateException("the message literal can be opened once");
        state = State.OPEN;
        if (synchronizing()) continuation.request();
        return new Octets();
    }

    @Override public Optional<ImapCommand.AppendMessage> next() throws IOException {
        if (state != State.DONE) throw new IllegalStateException("the message literal was not read to its end");
        if (isPart()) throw new IllegalStateException("a CATENATE part: the catenation goes on");
        if (!continues || successor != null) return Optional.empty();
        try {
            ImapCommand.AppendMessage m = nextMessage.parse();
            successor = (Pending) m.data();
            return Optional.of(m);
        } catch (SyntaxException e) {
            continues = false;
            input.discardAppendRest(maxDiscard);
            throw new MessageLiteralException("APPEND: " + e.getMessage());
        }
    }

    /** Called by the reader before it reads on: skips the unread rest, if the client is sending it. */
    @Override public void finish() throws IOException {
        if (state != State.DONE) {
            boolean invited = state == State.OPEN || !synchronizing();
            state = State.DONE;
            if (!invited) {  // a synchronising literal never opened: the client sent nothing more
                clientStopped = true;
                return;
            }
            input.skip(remaining);
            remaining = 0;
            if (isPart()) return;
            try {
                checkTrailer();
            } catch (MessageLiteralException e) {
                return;  // the session has answered already; the rest of the line is skipped
            }
        }
        if (successor != null) {
            successor.finish();
        } else if (continues) {  // messages the handler never asked for (it refused the command)
            continues = false;
            if (!input.read()) throw new EOFException("end of input within a command");
            input.discardAppendRest(maxDiscard);
        }
    }

    private void end() throws IOException {
        if (state != State.OPEN) return;
        state = State.DONE;
        if (!isPart()) checkTrailer();
    }

    /**
     * Reads {@code trailer} and the line end, or a space before the next message; on anything else skips
     * the rest of the command and throws.
     */
    private void checkTrailer() throws IOException {
        for (int i = 0; i < trailer.length(); i++) {
            int b = input.readByte();
            if (b != trailer.charAt(i)) mismatch(b, "APPEND: expected '" + trailer.charAt(i) + "' after the message");
        }
        int b = input.readByte();
        if (b == ' ') {  // RFC 3502: SP append-message
            continues = true;
            return;
        }
        if (b == '\r') b = input.readByte();
        if (b != '\n') mismatch(b, "APPEND: expected end of line after the message");
    }

    private void mismatch(int b, String text) throws IOException {
        if (b < 0) throw new EOFException("end of input after a message literal");
        if (b != '\n') {
            if (!input.read()) throw new EOFException("end of input after a message literal");
            input.discardAppendRest(maxDiscard);
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
