package pigeon.imap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.store.Flag;
import pigeon.store.Mailboxes;

/** The session over a socket: what transcripts can't easily show. */
class SessionTest {
    @Test void greetingAndCapabilitiesAfterLogin() throws Exception {
        try (ServerHarness h = new ServerHarness(); Client c = new Client(h.address)) {
            String greeting = c.line();
            assertTrue(greeting.startsWith("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 "), greeting);
            assertTrue(greeting.endsWith(" AUTH=PLAIN] Pigeon IMAP4rev2 ready"), greeting);
            List<String> login = c.command("a", "LOGIN alice@example.test secret");
            assertTrue(login.getLast().startsWith("a OK [CAPABILITY IMAP4rev1 "), login.toString());
            assertTrue(!login.getLast().contains("AUTH=") && !login.getLast().contains("LOGINDISABLED"), login.toString());
        }
    }

    /** Pipelined commands are answered in order, each reply whole. */
    @Test void pipelinedCommands() throws Exception {
        try (ServerHarness h = new ServerHarness(); Client c = h.login()) {
            c.send("p1 NOOP\r\np2 SELECT INBOX\r\np3 STATUS Sent (MESSAGES)\r\np4 LOGOUT");
            assertEquals(List.of("p1 OK NOOP completed"), c.until("p1"));
            assertEquals("p2 OK [READ-WRITE] SELECT completed", c.until("p2").getLast());
            assertEquals(List.of("* STATUS \"Sent\" (MESSAGES 0)", "p3 OK STATUS completed"), c.until("p3"));
            assertEquals(List.of("* BYE Pigeon IMAP4rev2 server logging out", "p4 OK LOGOUT completed"), c.until("p4"));
            assertNull(c.line());
        }
    }

    /** RFC 9051 §5.4: the autologout timer is the listener's read timeout. */
    @Test void autologout() throws Exception {
        try (ServerHarness h = new ServerHarness(InetAddress.getLoopbackAddress(), Duration.ofMillis(300)); Client c = h.login()) {
            assertEquals("* BYE Autologout; idle for too long", c.line());
            assertNull(c.line());
        }
    }

    /** RFC 7162 §3.2.5: SELECT (QRESYNC …) reports what vanished and what changed since the client's MODSEQ. */
    @Test void qresyncSelect() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            for (int i = 1; i <= 4; i++) h.store.append(i);
            var inbox = h.store.inbox();
            long modSeq = inbox.highestModSeq();
            Mailboxes m = h.store.mailboxes();
            m.expunge(inbox.id(), List.of(2L));
            m.setFlags(inbox.id(), List.of(3L), Mailboxes.FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), OptionalLong.empty());
            try (Client c = h.login()) {
                c.command("e", "ENABLE QRESYNC");
                List<String> lines = c.command("s", "SELECT INBOX (QRESYNC (" + inbox.uidValidity() + " " + modSeq + " 1:4))");
                assertTrue(lines.contains("* VANISHED (EARLIER) 2"), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.matches("\\* 2 FETCH \\(UID 3 FLAGS \\(\\\\Seen \\\\Recent\\) MODSEQ \\(\\d+\\)\\)")), lines.toString());
                assertTrue(lines.contains("* 3 EXISTS"), lines.toString());
                // a wrong UIDVALIDITY: the client must start over, nothing is reported
                List<String> other = c.command("t", "SELECT INBOX (QRESYNC (1 " + modSeq + "))");
                assertEquals("* OK [CLOSED] Previous mailbox closed.", other.getFirst());
                assertTrue(other.stream().noneMatch(l -> l.contains("VANISHED") || l.contains("FETCH")), other.toString());
            }
        }
    }

    /** Another session deletes the selected mailbox: BYE at the next command. */
    @Test void selectedMailboxDeletedElsewhere() throws Exception {
        try (ServerHarness h = new ServerHarness(); Client a = h.login(); Client b = h.login()) {
            a.command("c", "CREATE Temp");
            a.command("s", "SELECT Temp");
            assertEquals("d OK DELETE completed", b.command("d", "DELETE Temp").getLast());
            List<String> lines = a.command("n", "NOOP");
            assertEquals(List.of("* BYE Selected mailbox was deleted or renamed", "n OK NOOP completed"), lines);
            assertNull(a.line());
        }
    }

    /** The own DELETE of the selected mailbox just deselects it. */
    @Test void deletingTheSelectedMailboxDeselects() throws Exception {
        try (ServerHarness h = new ServerHarness(); Client a = h.login()) {
            a.command("c", "CREATE Temp");
            a.command("s", "SELECT Temp");
            assertEquals("d OK DELETE completed", a.command("d", "DELETE Temp").getLast());
            assertEquals(List.of("n BAD No mailbox selected"), a.command("n", "CLOSE"));
        }
    }

    /** RFC 9051 §6.2.3: away from loopback and without TLS, LOGINDISABLED and no AUTH=PLAIN. */
    @Test void cleartextRefusedAwayFromLoopback() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces().filter(i -> {
            try { return i.isUp() && !i.isLoopback(); } catch (IOException e) { return false; }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
        assumeTrue(external.isPresent(), "needs a non-loopback address");
        try (ServerHarness h = new ServerHarness(external.get(), Duration.ofMinutes(30)); Client c = new Client(h.address)) {
            String greeting = c.line();
            assertTrue(greeting.contains(" LOGINDISABLED]") && !greeting.contains("AUTH=PLAIN"), greeting);
            assertEquals(List.of("a NO [PRIVACYREQUIRED] Cleartext login is not allowed on this connection"),
                    c.command("a", "LOGIN alice@example.test secret"));
        }
    }

    /** A malformed APPEND literal (a NUL octet) stores nothing and leaves the connection usable. */
    @Test void malformedAppendStoresNothing() throws Exception {
        try (ServerHarness h = new ServerHarness(); Client c = h.login()) {
            c.send("a APPEND INBOX {5+}\r\nab\u0000cd");
            List<String> lines = c.until("a");
            assertTrue(lines.getLast().startsWith("a BAD"), lines.toString());
            assertEquals(0, h.store.mailboxes().entries(h.store.inbox().id()).size());
            assertEquals(List.of("n OK NOOP completed"), c.command("n", "NOOP"));
        }
    }
}
