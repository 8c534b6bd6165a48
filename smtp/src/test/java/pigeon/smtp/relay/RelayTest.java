package pigeon.smtp.relay;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.QueueEntry;

/**
 * The relay end to end over loopback: {@link TestDns} for MX records, GreenMail and
 * {@link ScriptedSmtpServer}s on 127.0.0.x (one port, as every remote host has port 25 in real
 * life), the in-memory queue, a recording bouncer. Retries are 200 ms apart.
 */
class RelayTest {
    static final String MESSAGE = "From: sender@relay.test\r\nTo: someone@example.test\r\nSubject: test\r\n\r\nHello.\r\n";

    TestDns dns;
    int port;
    InMemoryQueue queue = new InMemoryQueue();
    RecordingBouncer bouncer = new RecordingBouncer();
    List<AutoCloseable> closeLater = new ArrayList<>();
    Relay relay;

    @BeforeEach void setUp() throws IOException {
        dns = TestDns.start();
        port = SmtpClientTest.freePort();
    }

    @AfterEach void tearDown() throws Exception {
        if (relay != null) relay.close();
        for (AutoCloseable c : closeLater) c.close();
        dns.close();
    }

    RelayConfig config() {
        return RelayConfig.defaults("relay.test").withDnsServer(Optional.of(dns.address())).withRemotePort(port).withWorkers(2)
                .withTimeouts(SmtpTimeouts.all(Duration.ofSeconds(5))).withRetry(new RetrySchedule(Duration.ofMillis(200), Duration.ofSeconds(1)))
                .withPollInterval(Duration.ofMillis(100)).withLease(Duration.ofMinutes(1)).withIdleConnection(Duration.ofSeconds(2));
    }

    Relay start(RelayConfig config) {
        relay = new Relay(config, queue, bouncer, Signer.NONE);
        relay.start();
        return relay;
    }

    Relay start() { return start(config()); }

    ScriptedSmtpServer scripted(String address) throws IOException {
        ScriptedSmtpServer s = new ScriptedSmtpServer(address, port);
        closeLater.add(s);
        return s;
    }

    /** example.test's MX hosts: one per address given, in that order of preference. */
    void mx(String... addresses) {
        for (int i = 0; i < addresses.length; i++) {
            dns.mx("example.test", 10 * (i + 1), "mx" + (i + 1) + ".example.test").a("mx" + (i + 1) + ".example.test", addresses[i]);
        }
    }

    QueueEntry queue(String... recipients) { return queue.add("sender@relay.test", List.of(recipients), MESSAGE); }

    @Test void deliversThreeRecipientsToGreenMail() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.2", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        closeLater.add(greenMail::stop);
        mx("127.0.0.2");
        QueueEntry e = queue("a@example.test", "b@example.test", "c@example.test");
        start();
        queue.awaitGone(e.id());
        assertTrue(greenMail.waitForIncomingEmail(5000, 3));
        MimeMessage[] got = greenMail.getReceivedMessages();
        assertEquals(3, got.length);
        assertEquals("test", got[0].getSubject());
        for (String r : List.of("a@example.test", "b@example.test", "c@example.test"))
            assertNotNull(greenMail.getUserManager().getUserByEmail(r), r + " got it");
        assertEquals(1, queue.attempts.size());
        assertEquals(3, queue.attempts.get(0).finished().size());
        assertTrue(bouncer.notices.isEmpty());
    }

    @Test void oneConnectionForTwoMessagesAndAllTheirRecipients() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        mx("127.0.0.3");
        QueueEntry e1 = queue("a@example.test", "b@example.test", "c@example.test");
        QueueEntry e2 = queue("d@example.test");
        start(config().withWorkers(1));
        queue.awaitGone(e1.id());
        queue.awaitGone(e2.id());
        assertEquals(1, s.connections.get());
        assertEquals(2, s.messages.size());
        assertEquals(4, s.commands("RCPT").size());
        assertEquals(1, s.commands("RSET").size(), "RSET before reusing the connection");
        assertEquals(List.of(true, true), s.pipelined, "MAIL and RCPTs in one write");
    }

    @Test void firstMxDownSecondTakesIt() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.4");
        mx("127.0.0.9", "127.0.0.4");  // nothing listens on .9: connection refused
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(1, s.messages.size());
        assertEquals(1, queue.attempts.size());
    }

    @Test void greeting421MovesToTheNextMx() throws Exception {
        ScriptedSmtpServer busy = scripted("127.0.0.3");
        busy.greeting = "421 4.3.2 too busy";
        ScriptedSmtpServer s = scripted("127.0.0.4");
        mx("127.0.0.3", "127.0.0.4");
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(1, busy.connections.get());
        assertEquals(1, s.messages.size());
    }

    @Test void temporaryFailureThenSuccessOnRetry() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.mail = n -> n == 1 ? "451 4.3.0 try again later" : "250 OK";
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(2, queue.attempts.size());
        InMemoryQueue.Attempt first = queue.attempts.get(0);
        assertEquals(List.of(), first.finished());
        assertEquals("mx1.example.test: 451 4.3.0 try again later", first.lastReply());
        assertEquals(1, s.messages.size());
        assertTrue(bouncer.notices.isEmpty());
    }

    @Test void oneRecipientRefusedIsBouncedTheOthersDelivered() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.rcpt = a -> a.startsWith("bad") ? "550 5.1.1 <" + a + ">: no such user" : "250 OK";
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test", "bad@example.test", "c@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(1, s.messages.size());
        assertEquals(1, bouncer.notices.size());
        RecordingBouncer.Notice n = bouncer.notices.get(0);
        assertFalse(n.delayed());
        assertEquals(e.id(), n.entry().id());
        RecipientFailure f = n.failures().get(0);
        assertEquals(List.of(MailAddress.parse("bad@example.test")), n.failures().stream().map(RecipientFailure::recipient).toList());
        assertTrue(f.permanent());
        assertEquals("5.1.1", f.status());
        assertEquals(Optional.of("mx1.example.test"), f.remoteMta());
        assertEquals("550 5.1.1 <bad@example.test>: no such user", f.reply().orElseThrow().toString());
    }

    @Test void temporaryRecipientStaysQueuedWhileOthersAreDone() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.rcpt = a -> a.startsWith("full") ? "452 4.2.2 mailbox full" : "250 OK";
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test", "full@example.test");
        start();
        queue.awaitAttempts(e.id(), 1);
        assertEquals(List.of(MailAddress.parse("a@example.test")), queue.attempts.get(0).finished());
        assertTrue(queue.attempts.get(0).lastReply().contains("452 4.2.2 mailbox full"));
    }

    @Test void refusedMailBouncesEveryone() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.mail = n -> "550 5.7.1 we do not like you";
        ScriptedSmtpServer second = scripted("127.0.0.4");
        mx("127.0.0.3", "127.0.0.4");
        QueueEntry e = queue("a@example.test", "b@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(0, second.connections.get(), "a 5xx to MAIL is final");
        assertEquals(2, bouncer.bounces().get(0).failures().size());
        assertEquals("5.7.1", bouncer.bounces().get(0).failures().get(0).status());
    }

    @Test void expiredEntryBounces() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.rcpt = a -> "451 4.3.0 still not";
        mx("127.0.0.3");
        QueueEntry e = queue.add("sender@relay.test", List.of("a@example.test"), MESSAGE.getBytes(StandardCharsets.UTF_8),
                Instant.now().minus(Duration.ofDays(6)), 40);
        start();
        queue.awaitGone(e.id());
        RecipientFailure f = bouncer.bounces().get(0).failures().get(0);
        assertEquals("4.4.7", f.status());
        assertTrue(f.permanent());
        assertEquals(451, f.reply().orElseThrow().code());
    }

    @Test void nullMxBouncesWithoutConnecting() throws Exception {
        dns.nullMx("example.test");
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals("5.1.10", bouncer.bounces().get(0).failures().get(0).status());
    }

    @Test void nxdomainBounces() throws Exception {
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals("5.1.2", bouncer.bounces().get(0).failures().get(0).status());
    }

    @Test void servfailIsRetried() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        mx("127.0.0.3");
        dns.servfail("example.test");
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitAttempts(e.id(), 1);
        assertTrue(queue.attempts.get(0).lastReply().contains("SERVFAIL"), queue.attempts.get(0).lastReply());
        dns.heal("example.test");
        queue.awaitGone(e.id());
        assertEquals(1, s.messages.size());
        assertTrue(bouncer.notices.isEmpty());
    }

    @Test void nothingIsEverSentToTheNullSender() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.rcpt = a -> "550 5.1.1 no";
        mx("127.0.0.3");
        QueueEntry e = queue.add("", List.of("a@example.test"), MESSAGE.getBytes(StandardCharsets.UTF_8), Instant.now(), 0);
        start();
        queue.awaitGone(e.id());
        assertTrue(bouncer.notices.isEmpty());
        assertEquals(List.of("MAIL FROM:<> SIZE=" + MESSAGE.length()), s.commands("MAIL"));
    }

    @Test void failedBounceKeepsTheRecipientQueued() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.rcpt = a -> "550 5.1.1 no";
        mx("127.0.0.3");
        bouncer.failing = true;
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitAttempts(e.id(), 2);
        assertTrue(queue.get(e.id()).isPresent());
        bouncer.failing = false;
        queue.awaitGone(e.id());
        assertEquals(1, bouncer.bounces().size());
    }

    @Test void delayNoticeOnceAtTheAttemptPastTheThreshold() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.rcpt = a -> "451 4.3.0 later";
        mx("127.0.0.3");
        // Retries 200 ms, 400 ms, …: a 500 ms notice age falls on the third attempt (2 made before it).
        RelayConfig config = config().withDelayNoticeAfter(Optional.of(Duration.ofMillis(500)));
        assertEquals(2, config.retry().firstAttemptAtOrAfter(Duration.ofMillis(500)));
        byte[] m = MESSAGE.getBytes(StandardCharsets.UTF_8);
        QueueEntry due = queue.add("sender@relay.test", List.of("a@example.test"), m, Instant.now().minusSeconds(1), 2);
        QueueEntry past = queue.add("sender@relay.test", List.of("b@example.test"), m, Instant.now().minusSeconds(1), 3);
        start(config);
        queue.awaitAttempts(due.id(), 3);
        queue.awaitAttempts(past.id(), 2);
        assertEquals(1, bouncer.delays().size());
        RecordingBouncer.Notice n = bouncer.delays().get(0);
        assertEquals(due.id(), n.entry().id());
        assertFalse(n.failures().get(0).permanent());
        assertEquals("4.3.0", n.failures().get(0).status());
        assertTrue(bouncer.bounces().isEmpty());
    }

    @Test void heloFallbackAndNoPipelining() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.ehlo = null;
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test", "b@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(1, s.commands("HELO").size());
        assertEquals(List.of(false), s.pipelined);
    }

    @Test void startTlsHandshakeFailureFallsBackToPlain() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.ehlo = "250-scripted.test\n250-STARTTLS\n250 PIPELINING";  // and then garbage instead of TLS
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(2, s.connections.get());
        assertEquals(1, s.commands("STARTTLS").size(), "the second connection does not try again");
        assertEquals(1, s.messages.size());
    }

    @Test void startTlsWhenOffered() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.ehlo = "250-scripted.test\n250-STARTTLS\n250 PIPELINING";
        s.tls = TestTls.serverContext();
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals(1, s.tlsSessions.get());
        assertEquals(1, s.messages.size());
    }

    @Test void nonAsciiAddressNeedsSmtpUtf8() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        s.ehlo = "250-scripted.test\n250 PIPELINING";
        mx("127.0.0.3");
        QueueEntry e = queue("j\u00f6ran@example.test");
        start();
        queue.awaitGone(e.id());
        assertEquals("5.6.7", bouncer.bounces().get(0).failures().get(0).status());
        assertTrue(s.commands("MAIL").isEmpty());
    }

    @Test void newMailWakesTheWorkersAtOnce() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        mx("127.0.0.3");
        start(config().withPollInterval(Duration.ofMinutes(10)));
        Thread.sleep(200);  // the workers found nothing and wait
        long t0 = System.nanoTime();
        QueueEntry e = queue("a@example.test");
        queue.awaitGone(e.id());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        assertEquals(1, s.messages.size());
    }

    @Test void signerHeadersGoFirst() throws Exception {
        ScriptedSmtpServer s = scripted("127.0.0.3");
        mx("127.0.0.3");
        QueueEntry e = queue("a@example.test");
        relay = new Relay(config(), queue, bouncer, (entry, source) -> {
            try (var in = source.open()) {
                return ("X-Signed: " + in.readAllBytes().length + "\r\n").getBytes(StandardCharsets.US_ASCII);
            }
        });
        relay.start();
        queue.awaitGone(e.id());
        assertEquals("X-Signed: " + MESSAGE.length() + "\r\n" + MESSAGE, s.messages.get(0));
    }
}
