package pigeon.protocol.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.protocol.tls.Certificates;
import pigeon.protocol.tls.Tls;

/** An implicit-TLS listener: a client that never starts the handshake is dropped, and the protocol never sees it. */
class ImplicitTlsTest {
    @TempDir Path dir;

    @Test void aSilentClientIsDroppedWithinTheHandshakeTimeout() throws Exception {
        Tls tls = Tls.of(Certificates.selfSigned(dir, "localhost"));
        AtomicInteger served = new AtomicInteger();
        ListenerConfig config = new ListenerConfig("test", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5, Duration.ofSeconds(1))
                .withTls(tls, true);
        try (Listener l = Listener.start(config, new ConnectionHandler() {
                @Override public void serve(Connection c) { served.incrementAndGet(); }
                @Override public void refuse(Connection c) {}
            });
             Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
            s.setSoTimeout(10_000);
            long start = System.nanoTime();
            int read;
            try {
                read = s.getInputStream().read();
            } catch (IOException e) {
                read = -1;  // reset: dropped too
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read);
            assertTrue(ms < 5000, "dropped after the handshake timeout: " + ms + " ms");
            assertEquals(0, served.get());
        }
        assertEquals(Duration.ofMinutes(1), Connection.MAX_HANDSHAKE);
    }
}
