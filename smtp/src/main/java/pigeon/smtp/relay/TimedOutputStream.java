package pigeon.smtp.relay;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket's output with a write timeout, which Java sockets lack: a write (or flush) that takes
 * longer than the limit closes the socket, which makes the blocked write fail. RFC 5321 §4.5.3.2.5
 * (3 minutes per data block) is the reason.
 */
final class TimedOutputStream extends FilterOutputStream {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-relay-write-timeout");
        t.setDaemon(true);
        return t;
    });

    private final Closeable socket;
    private volatile long timeoutMillis;

    TimedOutputStream(OutputStream out, Closeable socket, long timeoutMillis) {
        super(out);
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
    }

    void timeout(long millis) { this.timeoutMillis = millis; }

    @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            out.write(b, off, len);
        } finally {
            alarm.cancel(false);
        }
    }

    @Override public void flush() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            out.flush();
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return TIMER.schedule(() -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
