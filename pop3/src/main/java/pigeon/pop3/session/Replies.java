package pigeon.pop3.session;

import java.io.IOException;
import java.io.OutputStream;
import pigeon.protocol.net.Connection;

/**
 * Writes POP3 replies to the connection's buffer. Nothing here flushes on its own: the session
 * flushes when the client has nothing more queued (RFC 2449 §6.6 PIPELINING), so that a batch of
 * pipelined commands gets its replies in one write, and a multi-line reply is never split.
 */
final class Replies {
    private final Connection connection;

    Replies(Connection connection) { this.connection = connection; }

    void ok(String text) throws IOException { connection.write(text.isEmpty() ? "+OK\r\n" : "+OK " + text + "\r\n"); }

    void err(String text) throws IOException { connection.write("-ERR " + text + "\r\n"); }

    /** A line of a multi-line reply whose text never starts with '.' (listings, capabilities). */
    void line(String text) throws IOException { connection.write(text + "\r\n"); }

    /** RFC 1939 §3: the termination octet of a multi-line reply. */
    void end() throws IOException { connection.write(".\r\n"); }

    /** RFC 5034 §4: a server challenge; PLAIN's is empty. Flushed at once: the client waits for it. */
    void challenge() throws IOException {
        connection.write("+ \r\n");
        connection.flush();
    }

    OutputStream body() { return connection.output(); }

    void flush() throws IOException { connection.flush(); }

    /** Flushes unless more client input is already buffered or on the wire (pipelining). */
    void flushIfIdle() throws IOException {
        if (connection.input().available() == 0) connection.flush();
    }
}
