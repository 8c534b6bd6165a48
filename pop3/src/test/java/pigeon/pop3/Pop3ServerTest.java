package pigeon.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Socket tests of what the transcripts (server module, against the real store) cannot show: raw
 * bytes, timing, timeouts, limits, store failures and logging.
 */
class Pop3ServerTest {

    /** A large message with dot lines and no final CRLF, and what RETR must send for it. */
    private static byte[][] bigMessage() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(), wire = new ByteArrayOutputStream();
        raw.writeBytes("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        wire.writeBytes("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 5000; i++) {
            String line = (i % 7 == 0 ? "." : "") + (i % 11 == 0 ? ".." : "") + "line " + i + " \u00e9t\u00e9 .";
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            raw.writeBytes(b);
            if (b[0] == '.') wire.write('.');
            wire.writeBytes(b);
            if (i < 4999) {
                raw.writeBytes(new byte[] {'\r', '\n'});
                wire.writeBytes(new byte[] {'\r', '\n'});
            }
        }
        wire.writeBytes("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
        return new byte[][] {raw.toByteArray(), wire.toByteArray()};
    }

    @Test void retrIsByteExactAndSizesAreOctets() throws Exception {
        byte[][] big = bigMessage();
        try (TestServer server = new TestServer(); Client c = new Client(server.port())) {
            server.maildrop.add("bob@example.test", 3, big[0]);
            c.login("bob@example.test", "hunter2");
            assertEquals("+OK 1 " + big[0].length, c.command("STAT"));
            assertEquals("+OK 1 " + big[0].length, c.command("LIST 1"));
            assertEquals("+OK " + big[0].length + " octets", c.command("RETR 1"));
            assertArrayEquals(big[1], c.readBody());
            assertEquals("+OK", c.command("NOOP"), "the session goes on after the message");
        }
    }

    @Test void pipelinedCommandsAllAnswered() throws Exception {
        try (TestServer server = new TestServer(); Client c = new Client(server.port())) {
            c.sendRaw("USER alice\r\nPASS secret\r\nSTAT\r\nRETR 1\r\nLIST\r\nDELE 1\r\nQUIT\r\n");
            assertEquals("+OK Pigeon POP3 server ready", c.read());
            assertEquals("+OK Send PASS", c.read());
            assertEquals("+OK Maildrop has 3 messages (150 octets)", c.read());
            assertEquals("+OK 3 150", c.read());
            assertEquals("+OK 53 octets", c.read());
            assertEquals(InMemoryMaildrop.M1 + ".\r\n", new String(c.readBody(), StandardCharsets.UTF_8));
            assertEquals("+OK 3 messages (150 octets)", c.read());
            assertEquals("1 53\r\n2 57\r\n3 40\r\n.\r\n", new String(c.readBody(), StandardCharsets.UTF_8));
            assertEquals("+OK message 1 deleted", c.read());
            assertEquals("+OK pop.example.test POP3 server signing off (2 messages left)", c.read());
            assertNull(c.read());
            server.awaitSessionsEnded(1);
            assertEquals(List.of(10L), server.maildrop.deletedUids);
        }
    }

    @Test void droppedConnectionDeletesNothingQuitDoes() throws Exception {
        try (TestServer server = new TestServer()) {
            try (Client c = new Client(server.port())) {
                c.login("alice", "secret");
                assertEquals("+OK message 1 deleted", c.command("DELE 1"));
                assertEquals("+OK message 3 deleted", c.command("DELE 3"));
            }
            server.awaitSessionsEnded(1);
            assertEquals(List.of(), server.maildrop.deletedUids);
            try (Client c = new Client(server.port())) {
                c.login("alice", "secret");
                assertEquals("+OK 3 150", c.command("STAT"));
                c.command("DELE 1");
                c.command("DELE 3");
                assertTrue(c.command("QUIT").startsWith("+OK"));
                assertNull(c.read());
            }
            assertEquals(List.of(10L, 15L), server.maildrop.deletedUids);
        }
    }

    @Test void timeoutDeletesNothingAndReleasesTheLock() throws Exception {
        try (TestServer server = new TestServer(TestServer.CONFIG, Duration.ofMillis(500), 20)) {
            try (Client c = new Client(server.port())) {
                c.login("alice", "secret");
                c.command("DELE 2");
                assertNull(c.read(), "RFC 1939 §3: closed without a response");
            }
            server.awaitSessionsEnded(1);
            assertEquals(List.of(), server.maildrop.deletedUids);
            try (Client c = new Client(server.port())) {
                c.login("alice", "secret");  // not [IN-USE]
            }
        }
    }

    /** The real store cannot be made to fail on demand; the in-memory one's "broken" account does. */
    @Test void storeFailureIsATemporaryErrorAndHoldsNoLock() throws Exception {
        try (TestServer server = new TestServer(); Client c = new Client(server.port())) {
            c.read();
            assertEquals("+OK Send PASS", c.command("USER broken@example.test"));
            assertEquals("-ERR [SYS/TEMP] Temporary server failure, try again later", c.command("PASS secret"));
            assertEquals("-ERR [SYS/TEMP] Temporary server failure, try again later", c.command("PASS secret"),
                    "again, and not [IN-USE]: the failed login left no lock behind");
            assertEquals("-ERR Command not valid in AUTHORIZATION state: log in first", c.command("STAT"));
            c.command("USER alice");
            assertEquals("+OK Maildrop has 3 messages (150 octets)", c.command("PASS secret"));
            assertEquals("+OK pop.example.test POP3 server signing off (3 messages left)", c.command("QUIT"));
            assertNull(c.read());
        }
    }

    @Test void overlongLineIsAnErrorAndTheSessionGoesOn() throws Exception {
        try (TestServer server = new TestServer(); Client c = new Client(server.port())) {
            c.read();
            assertEquals("-ERR Line too long", c.command("USER " + "x".repeat(300)));
            assertEquals("-ERR Line too long", c.command("x".repeat(100_000)));
            c.sendRaw("USER alice\nPASS secret\n");  // bare LF line ends are accepted
            assertEquals("+OK Send PASS", c.read());
            assertEquals("+OK Maildrop has 3 messages (150 octets)", c.read());
            assertEquals("-ERR Unknown command", c.command("\u00e9t\u00e9"));
            assertEquals("+OK 3 150", c.command("STAT"));
        }
    }

    @Test void failedLoginsAreDelayedAndCounted() throws Exception {
        Pop3Config slow = new Pop3Config("pop.example.test", 255, 2, Duration.ofMillis(150));
        try (TestServer server = new TestServer(slow, Duration.ofSeconds(5), 20); Client c = new Client(server.port())) {
            c.read();
            c.command("USER alice");
            long start = System.nanoTime();
            assertEquals("-ERR [AUTH] Invalid user name or password", c.command("PASS nope"));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(140).toNanos());
            c.command("USER alice");
            assertEquals("-ERR [AUTH] Invalid user name or password", c.command("PASS nope"));
            assertNull(c.read(), "closed after the second failure");
        }
    }

    @Test void refusedWhenTooManyConnections() throws Exception {
        try (TestServer server = new TestServer(TestServer.CONFIG, Duration.ofSeconds(5), 1); Client first = new Client(server.port())) {
            assertEquals("+OK Pigeon POP3 server ready", first.read());
            try (Client second = new Client(server.port())) {
                assertTrue(second.read().startsWith("-ERR [SYS/TEMP] "));
                assertNull(second.read());
            }
        }
    }

    @Test void passwordsNeverLogged() throws Exception {
        Logger pop3 = (Logger) LoggerFactory.getLogger("pigeon");
        Level before = pop3.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        pop3.addAppender(captured);
        pop3.setLevel(Level.DEBUG);
        pop3.setAdditive(false);  // captured, not printed
        try (TestServer server = new TestServer()) {
            try (Client c = new Client(server.port())) {
                c.read();
                c.command("USER alice");
                c.command("PASS wrong-pw-1");
                c.command("AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==");  // password "wrong"
                c.command("USER alice");
                c.command("PASS secret");
                c.command("RETR 1");
                c.readBody();
                c.command("QUIT");
            }
            server.awaitSessionsEnded(1);
        } finally {
            pop3.detachAppender(captured);
            pop3.setLevel(before);
            pop3.setAdditive(true);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("login alice as alice@example.test: 3 messages")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("logout alice@example.test: 1 retrieved, 0 deleted")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.equals("C: Pass[***]")), "commands are logged at debug, redacted: " + lines);
        for (String secret : List.of("wrong-pw-1", "secret", "AGFsaWNl", "wrong"))
            assertFalse(lines.stream().anyMatch(l -> l.contains(secret)), () -> secret + " logged: " + lines);
    }

    @Test void configIsValidated() {
        Pop3Config d = Pop3Config.defaults("mail.example.test");
        assertEquals(255, d.maxLineLength());
        assertEquals(3, d.maxFailedLogins());
        assertEquals(Duration.ofSeconds(2), d.failedLoginDelay());
        assertThrows(IllegalArgumentException.class, () -> Pop3Config.defaults(""));
        assertThrows(IllegalArgumentException.class, () -> Pop3Config.defaults("two words"));
        assertThrows(IllegalArgumentException.class, () -> new Pop3Config("h", 100, 3, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Pop3Config("h", 255, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Pop3Config("h", 255, 3, Duration.ofSeconds(-1)));
    }
}
