package pigeon.pop3;

import pigeon.protocol.net.NonLoopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * USER/PASS and SASL PLAIN follow {@code PlaintextPolicy}: offered and accepted on loopback, neither
 * on a plain connection from elsewhere. "Elsewhere" is a non-loopback address of this machine.
 */
class PlaintextPolicyTest {
    static final String REFUSED = "-ERR [AUTH] Cleartext login is allowed only over TLS or from this machine";

    private static List<String> capa(Client c) throws Exception {
        assertEquals("+OK Capability list follows", c.command("CAPA"));
        List<String> caps = new ArrayList<>();
        for (String l = c.read(); !l.equals("."); l = c.read()) caps.add(l);
        return caps;
    }

    @Test void offeredOnLoopback() throws Exception {
        try (TestServer server = new TestServer(); Client c = new Client(server.port())) {
            c.read();
            assertEquals(List.of("TOP", "UIDL", "USER", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "SASL PLAIN", "IMPLEMENTATION Pigeon"),
                    capa(c));
            assertEquals("+OK Supported mechanisms follow", c.command("AUTH"));
            assertEquals("PLAIN", c.read());
            assertEquals(".", c.read());
        }
    }

    @Test void refusedAwayFromLoopback() throws Exception {
        Optional<InetAddress> address = NonLoopback.address();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback address");
        try (TestServer server = new TestServer(TestServer.CONFIG, Duration.ofSeconds(10), 20, address.get());
             Client c = new Client(address.get(), server.port())) {
            assertEquals("+OK Pigeon POP3 server ready", c.read());
            assertEquals(List.of("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION Pigeon"), capa(c));
            assertEquals("+OK Supported mechanisms follow", c.command("AUTH"));
            assertEquals(".", c.read(), "no mechanism listed");
            assertEquals(REFUSED, c.command("USER alice"));
            assertEquals(REFUSED, c.command("PASS secret"));
            assertEquals(REFUSED, c.command("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));  // alice / secret: right, and still refused
            assertEquals(REFUSED, c.command("AUTH PLAIN"), "refused before the challenge");
            assertEquals("-ERR Unsupported authentication mechanism", c.command("AUTH CRAM-MD5"));
            // refusals are not failed logins: TestServer.CONFIG closes after 3 of those, and the session goes on
            assertEquals("-ERR Command not valid in AUTHORIZATION state: log in first", c.command("STAT"));
            assertTrue(c.command("QUIT").startsWith("+OK"));
        }
    }
}
