package pigeon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The total connection limit of a port, with each protocol's own refusal, and room again once a session ends. */
class ConnectionLimitsTest {
    @Test void eachProtocolRefusesPastItsTotal() throws Exception {
        try (TestServer server = new TestServer(Map.of("imap.max-connections", "2", "pop3.max-connections", "1", "smtp.max-connections", "1"))) {
            check(server.pigeon.imapPort(), 2, "* OK ", "* BYE Too many connections");
            check(server.pigeon.pop3Port(), 1, "+OK ", "-ERR [SYS/TEMP] mx.example.test has too many connections, try again later");
            check(server.pigeon.smtpPort(), 1, "220 ", "421 4.7.0 mx.example.test Too many connections, try again later");
        }
    }

    /** {@code greeting}: how the protocol's greeting starts; {@code refusal}: its whole refusal. */
    private static void check(int port, int limit, String greeting, String refusal) throws Exception {
        Socket[] held = new Socket[limit];
        for (int i = 0; i < limit; i++) {
            held[i] = new Socket("127.0.0.1", port);
            assertTrue(line(held[i]).startsWith(greeting));
        }
        try (Socket extra = new Socket("127.0.0.1", port)) {
            assertEquals(refusal, line(extra));
        }
        held[0].close();
        Thread.sleep(300);  // the listener notices the end of the session
        try (Socket again = new Socket("127.0.0.1", port)) {
            assertTrue(line(again).startsWith(greeting), "room again after one left");
        } finally {
            for (Socket s : held) s.close();
        }
    }

    private static String line(Socket s) throws Exception {
        s.setSoTimeout(5000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
}
