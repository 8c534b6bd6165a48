package pigeon.protocol.net;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A socket's output with a write timeout, which Java sockets lack: a write (or flush) that takes
 * longer than the limit closes the socket, which makes the blocked write fail. A client that stops
 * reading (its receive window full) must not hold a session, and whatever the session holds, for
 * ever; RFC 5321 §4.5.3.2.5 (3 minutes per data block) is the relay's reason.
 */
public final class TimedOutputStream extends FilterOutputStream {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "write-timeout");
        t.setDaemon(true);
        return t;
    });
    static {
        TIMER.setRemoveOnCancelPolicy(true);  // one alarm per write, nearly all cancelled: don't keep them queued
    }

    private final Closeable socket;
    private volatile long timeoutMillis;

    public TimedOutputStream(OutputStream out, Closeable socket, long timeoutMillis) {
        super(out);
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
    }

    public void timeout(long millis) { this.timeoutMillis = millis; }

    @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            out.write(b, off, len);
        } finally {
            alarm.cancel(false);
        }
    }

    /** Wraps a socket's own stream, which buffers nothing: only writes can block, so a flush arms no alarm. */
    @Override public void flush() throws IOException { out.flush(); }

    private ScheduledFuture<?> arm() { return closeLater(socket, timeoutMillis); }

    /** Closes {@code socket} after {@code millis} unless the returned alarm is cancelled first. */
    static ScheduledFuture<?> closeLater(Closeable socket, long millis) {
        return TIMER.schedule(() -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
