package pigeon.imap.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import pigeon.protocol.net.Connection;

/**
 * Writes responses to the client (RFC 9051 §7). Nothing reaches the socket until {@link #flush()}:
 * the session flushes once per command, so the untagged updates and the tagged reply travel together
 * (with Nagle and delayed ACK, every extra flush costs ~40 ms).
 *
 * <p>Thread-safety: during IDLE a second thread pushes untagged updates while the session's thread
 * waits for {@code DONE}; every write holds one lock, so lines never interleave. The lock is ours,
 * never a store lock: callers must not call the store while holding it.
 */
public final class ResponseWriter {
    /** What a streaming writer does with the output (FETCH BODY[] literals). */
    @FunctionalInterface
    public interface StreamWriter { void write(OutputStream out) throws IOException; }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    public ResponseWriter(Connection connection) { this.connection = connection; }

    /** {@code * text}; text may hold literals ({@code {n}\r\n…}) but not the final CRLF. */
    public void untagged(String text) throws IOException { line("* " + text); }

    /** {@code tag STATUS [code] text}. */
    public void tagged(String tag, String status, Optional<String> code, String text) throws IOException {
        line(tag + " " + status + " " + code.map(c -> "[" + c + "] ").orElse("") + text);
    }

    /** {@code + text}, flushed at once: the client is waiting for it. */
    public void continuation(String text) throws IOException {
        lock.lock();
        try {
            connection.write("+ " + text + "\r\n");
            connection.flush();
        } finally {
            lock.unlock();
        }
    }

    /** A complete line without its CRLF. */
    public void line(String text) throws IOException {
        lock.lock();
        try {
            connection.write(text + "\r\n");
        } finally {
            lock.unlock();
        }
    }

    /** Lets {@code writer} write raw octets (say, a message literal) with the lock held. */
    public void stream(StreamWriter writer) throws IOException {
        lock.lock();
        try {
            writer.write(connection.output());
        } finally {
            lock.unlock();
        }
    }

    public void flush() throws IOException {
        lock.lock();
        try {
            connection.flush();
        } finally {
            lock.unlock();
        }
    }
}
