package pigeon.pop3;

import pigeon.protocol.net.NonLoopback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.ConnectionHandler;
import pigeon.protocol.net.Listener;
import pigeon.protocol.net.ListenerConfig;

/** A real listener on a free loopback port running {@link Pop3Server} over the in-memory maildrop. */
final class TestServer implements AutoCloseable {
    static final Pop3Config CONFIG = new Pop3Config("pop.example.test", 255, 3, Duration.ZERO);

    final InMemoryMaildrop maildrop = InMemoryMaildrop.fixture();
    private final AtomicInteger ended = new AtomicInteger();
    private final Listener listener;

    TestServer() throws IOException { this(CONFIG, Duration.ofSeconds(10), 20); }

    TestServer(Pop3Config config, Duration readTimeout, int maxPerIp) throws IOException {
        this(config, readTimeout, maxPerIp, InetAddress.getLoopbackAddress());
    }

    /** Listening on {@code address}, for instance one that is not loopback (see {@code NonLoopback}). */
    TestServer(Pop3Config config, Duration readTimeout, int maxPerIp, InetAddress address) throws IOException {
        Pop3Server server = new Pop3Server(config, maildrop);
        // Counts finished sessions, so that a test can wait for the server side of a dropped connection.
        ConnectionHandler counting = new ConnectionHandler() {
            @Override public void serve(Connection c) throws IOException {
                try { server.serve(c); } finally { ended.incrementAndGet(); }
            }
            @Override public void refuse(Connection c) throws IOException { server.refuse(c); }
        };
        listener = Listener.start(new ListenerConfig("pop3", new InetSocketAddress(address, 0), maxPerIp, readTimeout), counting);
    }

    int port() { return listener.port(); }

    int sessionsEnded() { return ended.get(); }

    /** Waits until at least {@code count} sessions have ended on the server side (lock released, UPDATE done). */
    void awaitSessionsEnded(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ended.get() < count) {
            if (System.nanoTime() > deadline) throw new AssertionError("server session did not end");
            Thread.sleep(5);
        }
    }

    @Override public void close() { listener.close(); }
}
