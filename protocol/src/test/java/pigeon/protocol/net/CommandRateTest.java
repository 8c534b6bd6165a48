package pigeon.protocol.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.protocol.sasl.LoginThrottle;

/** max-commands-per-second: a burst of that many goes at once, then one command per 1/rate second. */
class CommandRateTest {
    @Test void aFloodIsSlowedToTheRate() throws Exception {
        int rate = 20;
        ListenerConfig config = new ListenerConfig("test", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10, 10,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.empty(), false, true, LoginThrottle.defaults(), rate);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Connection c = new Connection(server.accept(), "t", config)) {
            long start = System.nanoTime();
            for (int i = 0; i < rate; i++) c.command();
            long burst = (System.nanoTime() - start) / 1_000_000;
            assertTrue(burst < 400, "the first " + rate + " go at once: " + burst + " ms");
            for (int i = 0; i < rate; i++) c.command();
            long all = (System.nanoTime() - start) / 1_000_000;
            assertTrue(all >= 900, rate + " more take a second at " + rate + "/s: " + all + " ms");
        }
    }
}
