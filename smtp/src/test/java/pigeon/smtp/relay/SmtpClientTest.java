package pigeon.smtp.relay;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;

/** The client side of SMTP against {@link ScriptedSmtpServer} over real sockets. */
class SmtpClientTest {
    static final SmtpTimeouts TIMEOUTS = SmtpTimeouts.all(Duration.ofSeconds(5));
    ScriptedSmtpServer server;
    int port;

    @BeforeEach void start() throws IOException {
        port = freePort();
        server = new ScriptedSmtpServer("127.0.0.1", port);
    }

    @AfterEach void stop() throws IOException { server.close(); }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    SmtpClient open(boolean tryTls) throws IOException {
        return SmtpClient.open(InetAddress.getByName("127.0.0.1"), port, "mx.example.test", "relay.test", TIMEOUTS, tryTls);
    }

    static Payload payload(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Payload.scan(new byte[0], () -> new ByteArrayInputStream(bytes));
    }

    static List<MailAddress> addresses(String... s) { return java.util.Arrays.stream(s).map(MailAddress::parse).toList(); }

    @Test void pipelinesMailAndRecipientsAndRepliesPerRecipient() throws IOException {
        server.rcpt = a -> a.startsWith("nobody") ? "550 5.1.1 No such user" : a.startsWith("later") ? "451 4.3.0 Try later" : "250 OK";
        try (SmtpClient c = open(true)) {
            SendResult r = c.send(Optional.of(MailAddress.parse("me@relay.test")), addresses("a@x.test", "nobody@x.test", "later@x.test"),
                    payload("Subject: hi\r\n\r\nhello\r\n"), false);
            assertEquals(250, r.mailReply().code());
            assertEquals(List.of(250, 550, 451), r.recipients().stream().map(x -> x.reply().code()).toList());
            assertEquals("5.1.1", r.recipients().get(1).reply().status());
            assertEquals("250 2.0.0 queued", r.recipients().get(0).reply().toString(), "accepted ones get the end-of-data reply");
        }
        assertEquals(List.of(true), server.pipelined);
        assertEquals(List.of("MAIL FROM:<me@relay.test> SIZE=22"), server.commands("MAIL"));
    }

    @Test void withoutPipeliningOneCommandAtATime() throws IOException {
        server.ehlo = "250-scripted.test\n250 8BITMIME";
        try (SmtpClient c = open(true)) {
            c.send(Optional.empty(), addresses("a@x.test", "b@x.test"), payload("x\r\n"), false);
        }
        assertEquals(List.of(false), server.pipelined);
        assertEquals(List.of("MAIL FROM:<>"), server.commands("MAIL"), "no SIZE when not advertised; null sender");
    }

    @Test void heloWhenEhloIsRefused() throws IOException {
        server.ehlo = null;
        try (SmtpClient c = open(true)) {
            assertEquals(Extensions.NONE, c.extensions());
            SendResult r = c.send(Optional.of(MailAddress.parse("me@relay.test")), addresses("a@x.test"), payload("caf\u00e9\r\n"), false);
            assertTrue(r.recipients().get(0).reply().positive());
        }
        assertEquals(List.of("EHLO relay.test", "HELO relay.test"), server.commands.subList(0, 2));
        assertEquals(List.of("MAIL FROM:<me@relay.test>"), server.commands("MAIL"), "8-bit sent as is without 8BITMIME");
    }

    @Test void eightBitAndSmtpUtf8Parameters() throws IOException {
        try (SmtpClient c = open(true)) {
            c.send(Optional.of(MailAddress.parse("j\u00f6ran@relay.test")), addresses("a@x.test"), payload("caf\u00e9\r\n"), true);
        }
        assertEquals(List.of("MAIL FROM:<j\u00f6ran@relay.test> SIZE=7 BODY=8BITMIME SMTPUTF8"), server.commands("MAIL"));
    }

    @Test void dotStuffingAndLineEndings() throws IOException {
        try (SmtpClient c = open(true)) {
            c.send(Optional.empty(), addresses("a@x.test"), payload("Subject: dots\r\n\r\n.leading\r\n..two\nbare lf\r\n.\r\nno final newline"), false);
        }
        assertEquals(List.of("Subject: dots\r\n\r\n.leading\r\n..two\r\nbare lf\r\n.\r\nno final newline\r\n"), server.messages);
    }

    @Test void allRecipientsRefusedMeansNoData() throws IOException {
        server.rcpt = a -> "550 5.1.1 no";
        try (SmtpClient c = open(true)) {
            SendResult r = c.send(Optional.empty(), addresses("a@x.test"), payload("x\r\n"), false);
            assertEquals(550, r.recipients().get(0).reply().code());
            c.reset();
        }
        assertTrue(server.commands("DATA").isEmpty());
        assertEquals(1, server.commands("RSET").size());
    }

    @Test void refusedMailGoesToEveryRecipient() throws IOException {
        server.mail = n -> "553 5.7.1 sender rejected";
        try (SmtpClient c = open(true)) {
            SendResult r = c.send(Optional.of(MailAddress.parse("me@relay.test")), addresses("a@x.test", "b@x.test"), payload("x\r\n"), false);
            assertEquals(553, r.mailReply().code());
            assertTrue(r.recipients().stream().allMatch(x -> x.reply().code() == 553));
        }
    }

    @Test void greetingRefusalIsAReplyException() {
        server.greeting = "421 4.3.2 busy";
        ReplyException e = assertThrows(ReplyException.class, () -> open(true));
        assertEquals(421, e.reply().code());
    }

    @Test void startTlsWhenOffered() throws Exception {
        server.ehlo = "250-scripted.test\n250-STARTTLS\n250 PIPELINING";
        server.tls = TestTls.serverContext();
        try (SmtpClient c = open(true)) {
            assertTrue(c.tls());
            c.send(Optional.empty(), addresses("a@x.test"), payload("secret\r\n"), false);
        }
        assertEquals(1, server.tlsSessions.get());
        assertEquals(List.of("EHLO relay.test", "STARTTLS", "EHLO relay.test"), server.commands.subList(0, 3));
        assertEquals(List.of("secret\r\n"), server.messages);
    }

    @Test void failedHandshakeIsReported() throws IOException {
        server.ehlo = "250-scripted.test\n250 STARTTLS";
        assertThrows(TlsFailedException.class, () -> open(true));
        try (SmtpClient c = open(false)) {
            assertFalse(c.tls());
        }
    }

    @Test void multiLineRepliesAndExtensions() throws IOException {
        server.ehlo = "250-scripted.test greets you\n250-SIZE 5000\n250-pipelining\n250 AUTH PLAIN";
        try (SmtpClient c = open(true)) {
            assertTrue(c.extensions().has("PIPELINING"));
            assertEquals(5000, c.extensions().maxSize().getAsLong());
            assertTrue(c.extensions().has("AUTH"));
        }
    }
}
