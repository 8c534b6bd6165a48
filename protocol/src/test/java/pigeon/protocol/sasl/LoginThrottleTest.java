package pigeon.protocol.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(8), Duration.ofMinutes(15), now::get);
    private static final Duration BASE = Duration.ofSeconds(1);

    private static InetAddress ip(String a) throws Exception { return InetAddress.getByName(a); }

    @Test void delaysDoubleUpToTheCap() throws Exception {
        InetAddress a = ip("192.0.2.1");
        long[] seconds = new long[6];
        for (int i = 0; i < seconds.length; i++) seconds[i] = throttle.failed(a, "alice@example.test", BASE).toSeconds();
        assertEquals("[1, 2, 4, 8, 8, 8]", java.util.Arrays.toString(seconds));
    }

    /** One address trying many names, and many addresses trying one name, both slow down. */
    @Test void countedPerAddressAndPerName() throws Exception {
        InetAddress a = ip("192.0.2.1");
        throttle.failed(a, "u1", BASE);
        throttle.failed(a, "u2", BASE);
        assertEquals(Duration.ofSeconds(4), throttle.failed(a, "u3", BASE), "same address, new names");
        throttle.failed(ip("198.51.100.1"), "bob", BASE);
        throttle.failed(ip("198.51.100.2"), "BOB ", BASE);
        assertEquals(Duration.ofSeconds(4), throttle.failed(ip("198.51.100.3"), "Bob", BASE), "same name, new addresses");
    }

    @Test void forgottenAfterAWhileAndClearedBySuccess() throws Exception {
        InetAddress a = ip("192.0.2.1");
        throttle.failed(a, "alice", BASE);
        throttle.failed(a, "alice", BASE);
        now.addAndGet(Duration.ofMinutes(16).toNanos());
        assertEquals(BASE, throttle.failed(a, "alice", BASE), "forgotten");
        throttle.failed(a, "alice", BASE);
        assertEquals(2, throttle.failures(a, "alice"));
        throttle.succeeded("alice");
        assertEquals(2, throttle.failures(a, "bob"), "the address keeps its count: another name may be guessed there");
        assertEquals(0, throttle.failures(ip("198.51.100.7"), "alice"), "the name's count is cleared");
    }

    @Test void zeroBaseNeverWaits() throws Exception {
        for (int i = 0; i < 5; i++) assertEquals(Duration.ZERO, throttle.failed(ip("192.0.2.9"), "x", Duration.ZERO));
    }
}
