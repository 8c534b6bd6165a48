package pigeon.smtp.session;

import java.io.IOException;
import java.io.InputStream;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.LineReader;
import pigeon.smtp.reply.Reply;

/**
 * The session's side of the connection, with the flushing rule of PIPELINING (RFC 2920 §3.2):
 * replies go into the output buffer, and the buffer is flushed only when the server is about to
 * wait for the client, that is, just before a read when no input is buffered or readable. A
 * client that sends ten commands in one packet gets ten replies in one packet, and a person on
 * telnet still sees each reply at once. Every reply is written whole into the buffer, so a
 * multi-line reply is never split across flushes.
 *
 * <p>Commands are read through a {@link LineReader} of our own over the same buffered input as
 * {@link Connection#lines()} (neither reads ahead), so that message bodies, read through
 * {@link #input()}, and the commands after them come from one buffer.
 */
final class SessionIo {
    private final Connection connection;
    private final InputStream input;
    private final LineReader lines;
    private boolean unflushed;

    SessionIo(Connection connection) {
        this.connection = connection;
        this.input = new FlushBeforeWaiting(connection.input());
        this.lines = new LineReader(input);
    }

    /** Buffers a whole reply. */
    void send(Reply reply) throws IOException {
        connection.write(reply.wire());
        unflushed = true;
    }

    void flush() throws IOException {
        if (unflushed) {
            unflushed = false;
            connection.flush();
        }
    }

    /** The next command line of at most {@code maxLength} octets without its ending; null at end of input. */
    LineReader.Line readLine(int maxLength) throws IOException { return lines.read(maxLength); }

    /** The raw input, for message data; it flushes pending replies before it would block. */
    InputStream input() { return input; }

    private final class FlushBeforeWaiting extends InputStream {
        private final InputStream in;

        FlushBeforeWaiting(InputStream in) { this.in = in; }

        @Override public int read() throws IOException {
            beforeRead();
            return in.read();
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            beforeRead();
            return in.read(b, off, len);
        }

        @Override public int available() throws IOException { return in.available(); }

        // available() may ask the socket, so only when there is something to flush.
        private void beforeRead() throws IOException {
            if (unflushed && in.available() == 0) flush();
        }
    }
}
