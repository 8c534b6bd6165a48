package pigeon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed logins slow down with every failure from the same address, whichever protocol they come
 * over, and an unknown account is answered just like a wrong password for a real one.
 */
class FailedLoginsTest {
    @Test void delaysGrowAcrossProtocolsAndDoNotRevealAccounts() throws Exception {
        try (TestServer server = new TestServer(Map.of("imap.failed-login-delay", "200ms", "pop3.failed-login-delay", "200ms"))) {
            server.fixture("accounts");
            try (Socket s = new Socket("127.0.0.1", server.pigeon.imapPort())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                in.readLine();
                long first = timed(out, in, "a1 LOGIN alice@example.test wrong");   // 200 ms
                String reply = lastReply;
                long second = timed(out, in, "a2 LOGIN nobody@example.test wrong");  // 400 ms: same address
                assertEquals(reply.replace("a1", "a2"), lastReply, "an unknown account gets the same answer");
                assertTrue(first >= 180, "first failure delayed: " + first);
                assertTrue(second >= 380, "second failure delayed twice as long: " + second);
            }
            try (Socket s = new Socket("127.0.0.1", server.pigeon.pop3Port())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                in.readLine();
                timed(out, in, "USER bob@example.test");
                long third = timed(out, in, "PASS wrong");  // 800 ms: the IMAP failures count here too
                assertTrue(lastReply.startsWith("-ERR"), lastReply);
                assertTrue(third >= 780, "POP3 after two IMAP failures: " + third);
                timed(out, in, "USER bob@example.test");
                timed(out, in, "PASS secret");
                assertTrue(lastReply.startsWith("+OK"), lastReply);
            }
        }
    }

    private String lastReply;

    private long timed(OutputStream out, BufferedReader in, String line) throws Exception {
        long start = System.nanoTime();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        lastReply = in.readLine();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
