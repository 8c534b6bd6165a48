package pigeon.smtp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.net.Listener;
import pigeon.protocol.net.ListenerConfig;

/** SMTP over real sockets, against a {@link Listener} with an in-memory {@link RecordingTarget}. */
class SmtpServerTest {
    static final String HOST = "mx.example.test";
    static final SmtpConfig CONFIG = new SmtpConfig(HOST, 20_000, 5, 2048, 1000, 20);

    RecordingTarget target;
    Listener listener;

    @BeforeEach void start() throws IOException {
        target = new RecordingTarget("jones", "brown", "alice", "jöran");
        listener = listen(CONFIG, 10, Duration.ofSeconds(10));
    }

    @AfterEach void stop() { listener.close(); }

    Listener listen(SmtpConfig config, int maxPerIp, Duration timeout) throws IOException {
        return Listener.start(new ListenerConfig("smtp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), maxPerIp, timeout),
                new SmtpServer(config, target, (user, password) -> Optional.empty()));
    }

    SmtpClient connect() throws IOException {
        SmtpClient c = new SmtpClient(listener.port());
        assertEquals("220 " + HOST + " ESMTP Pigeon ready", c.expect("220"));
        return c;
    }

    SmtpClient greeted() throws IOException {
        SmtpClient c = connect();
        c.cmd("EHLO client.example");
        c.reply();
        return c;
    }

    /** AUTH too: the client is on loopback, where PlaintextPolicy allows passwords in the clear. */
    @Test void ehloAdvertisesExactlyTheseExtensions() throws IOException {
        try (SmtpClient c = connect()) {
            c.cmd("EHLO client.example");
            assertEquals(List.of("250-" + HOST + " Hello client.example", "250-PIPELINING", "250-SIZE 20000", "250-8BITMIME",
                    "250-SMTPUTF8", "250-ENHANCEDSTATUSCODES", "250-AUTH PLAIN LOGIN", "250 HELP"), c.reply());
        }
    }

    /** RFC 5321 Appendix D.1, with one recipient unknown here. */
    @Test void appendixD1Session() throws IOException {
        try (SmtpClient c = connect()) {
            c.cmd("EHLO bar.com");
            assertEquals(8, c.reply().size());
            assertEquals("250 2.1.0 Sender <Smith@bar.com> OK", c.cmd("MAIL FROM:<Smith@bar.com>").expect("250"));
            assertEquals("250 2.1.5 Recipient <Jones@example.test> OK", c.cmd("RCPT TO:<Jones@example.test>").expect("250"));
            assertEquals("550 5.1.1 No such user here", c.cmd("RCPT TO:<Green@example.test>").expect("550"));
            c.cmd("RCPT TO:<Brown@example.test>").expect("250 2.1.5");
            assertEquals("354 End data with <CR><LF>.<CR><LF>", c.cmd("DATA").expect("354"));
            c.send("Blah blah blah...\r\n...etc. etc. etc.\r\n.\r\n");
            String ok = c.expect("250 2.0.0 OK: queued as ");
            assertEquals("221 2.0.0 " + HOST + " closing connection", c.cmd("QUIT").expect("221"));
            assertTrue(c.closedByServer());

            assertEquals(1, target.committed.size());
            RecordingTarget.Message m = target.committed.get(0);
            assertEquals(List.of(MailAddress.parse("Jones@example.test"), MailAddress.parse("Brown@example.test")), m.recipients());
            assertEquals("bar.com", m.envelope().heloName());
            assertTrue(m.envelope().authenticatedUser().isEmpty());
            String id = ok.substring("250 2.0.0 OK: queued as ".length());
            assertTrue(m.text().startsWith("Return-Path: <Smith@bar.com>\r\nReceived: from bar.com (localhost [127.0.0.1])\r\n\tby "
                    + HOST + " (Pigeon) with ESMTP id " + id + ";\r\n\t"), m.text());
            // the message itself, unstuffed, ending with its last line's CRLF
            assertTrue(m.text().endsWith("\r\nBlah blah blah...\r\n..etc. etc. etc.\r\n"), m.text());
        }
    }

    @Test void pipelinedTransactionInOneWrite() throws IOException {
        try (SmtpClient c = connect()) {
            c.send("EHLO client.example\r\nMAIL FROM:<a@client.example>\r\nRCPT TO:<jones@example.test>\r\n"
                    + "RCPT TO:<nobody@example.test>\r\nRCPT TO:<jones@elsewhere.example>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n");
            assertEquals(8, c.reply().size());
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("550 5.1.1");
            assertEquals("550 5.7.1 Relaying denied", c.expect("550"));
            c.expect("250 2.1.5");
            c.expect("354");
            // RFC 2920: the end of data may be followed by more commands in the same packet
            c.send("Subject: pipelined\r\n\r\nhi\r\n.\r\nQUIT\r\n");
            c.expect("250 2.0.0 OK: queued as");
            c.expect("221");
        }
        assertEquals(1, target.committed.size());
        assertEquals(2, target.committed.get(0).recipients().size());
        assertTrue(target.committed.get(0).text().contains("\tby " + HOST + " (Pigeon) with ESMTP id "), "no 'for' with two recipients");
    }

    @Test void wrongSequenceGets503() throws IOException {
        try (SmtpClient c = connect()) {
            assertEquals("503 5.5.1 Send HELO or EHLO first", c.cmd("MAIL FROM:<a@b.example>").expect("503"));
            c.cmd("RCPT TO:<jones@example.test>").expect("503 5.5.1");
            c.cmd("DATA").expect("503 5.5.1");
            c.cmd("NOOP").expect("250 2.0.0");  // allowed before HELO (RFC 5321 §4.1.4)
            c.cmd("HELO client.example").expect("250 " + HOST + " Hello client.example");
            assertEquals("503 5.5.1 Need MAIL before RCPT", c.cmd("RCPT TO:<jones@example.test>").expect("503"));
            assertEquals("503 5.5.1 Need MAIL before DATA", c.cmd("DATA").expect("503"));
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            assertEquals("503 5.5.1 Nested MAIL command", c.cmd("MAIL FROM:<a@b.example>").expect("503"));
            assertEquals("503 5.5.1 Need RCPT before DATA", c.cmd("DATA").expect("503"));
            c.cmd("RCPT TO:<nobody@example.test>").expect("550 5.1.1");
            assertEquals("554 5.5.1 No valid recipients", c.cmd("DATA").expect("554"));
            c.cmd("RSET").expect("250 2.0.0 OK");
            c.cmd("RCPT TO:<jones@example.test>").expect("503");
            // HELO/EHLO again ends a transaction like RSET
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            c.cmd("EHLO again.example").reply();
            c.cmd("RCPT TO:<jones@example.test>").expect("503");
        }
        assertEquals(0, target.committed.size());
        assertEquals(2, target.aborted.get());  // by RSET and by EHLO
    }

    @Test void syntaxErrors() throws IOException {
        try (SmtpClient c = greeted()) {
            assertEquals("500 5.5.1 Command not recognized", c.cmd("FOO bar").expect("500"));
            assertEquals("501 5.5.2 Syntax: MAIL FROM:<address>", c.cmd("MAIL FROM:a@b.example").expect("501"));
            assertEquals("501 5.1.7 Bad sender address syntax", c.cmd("MAIL FROM:<a>").expect("501"));
            assertEquals("555 5.5.4 Unsupported parameter FOO", c.cmd("MAIL FROM:<a@b.example> FOO=1").expect("555"));
            assertEquals("501 5.5.4 Bad SIZE value", c.cmd("MAIL FROM:<a@b.example> SIZE=x").expect("501"));
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            assertEquals("501 5.1.3 Bad recipient address syntax", c.cmd("RCPT TO:<>").expect("501"));
            c.cmd("RCPT TO:<jones@example.test> NOTIFY=NEVER").expect("555 5.5.4");
            c.cmd("EHLO").expect("501 5.5.2");
            c.sendBytes(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xff, (byte) 0xfe, '\r', '\n'}).expect("500 5.5.2");
            c.cmd("NOOP").expect("250");
        }
    }

    @Test void informationCommands() throws IOException {
        try (SmtpClient c = greeted()) {
            assertEquals("252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery", c.cmd("VRFY jones").expect("252"));
            c.cmd("EXPN staff").expect("502 5.5.1");
            List<String> help = c.cmd("HELP").reply();
            assertTrue(help.size() > 1);
            for (int i = 0; i < help.size(); i++) assertTrue(help.get(i).startsWith(i < help.size() - 1 ? "214-2.0.0 " : "214 2.0.0 "));
            c.cmd("noop").expect("250 2.0.0 OK");
        }
    }

    @Test void declaredSizeTooLarge() throws IOException {
        try (SmtpClient c = greeted()) {
            assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", c.cmd("MAIL FROM:<a@b.example> SIZE=20001").expect("552"));
            c.cmd("MAIL FROM:<a@b.example> SIZE=20000 BODY=8BITMIME").expect("250");
        }
        assertEquals(1, target.started.get());
    }

    @Test void oversizedDataIsReadToTheEndThenRefused() throws IOException, InterruptedException {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<jones@example.test>\r\nDATA\r\n");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            String line = "x".repeat(98) + "\r\n";
            c.send("Subject: big\r\n\r\n" + line.repeat(300) + ".\r\n");
            c.expect("552 5.3.4");
            c.cmd("NOOP").expect("250");  // the session goes on, in step
            c.cmd("RCPT TO:<jones@example.test>").expect("503");  // and the transaction is over
        }
        assertTrue(target.committed.isEmpty());
        assertEquals(1, target.aborted.get());
    }

    @Test void overlongDataLineIsRefusedAfterTheEnd() throws IOException {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<jones@example.test>\r\nDATA\r\n");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.send("Subject: long\r\n\r\n" + "y".repeat(1500) + "\r\nmore\r\n.\r\n");
            assertEquals("500 5.6.0 Message has a line longer than 1000 octets", c.expect("500"));
            c.cmd("NOOP").expect("250");
        }
        assertTrue(target.committed.isEmpty());
        assertEquals(1, target.aborted.get());
    }

    @Test void clientVanishingMidDataDeliversNothing() throws IOException, InterruptedException {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<jones@example.test>\r\nDATA\r\n");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.send("Subject: cut short\r\n\r\nhalf a mess");
        }
        assertTrue(target.awaitAborted(1), "abort called");
        assertTrue(target.committed.isEmpty());
    }

    @Test void clientVanishingBetweenCommandsAbortsTheTransaction() throws IOException, InterruptedException {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<jones@example.test>\r\n");
            c.expect("250");
            c.expect("250");
        }
        assertTrue(target.awaitAborted(1));
        assertTrue(target.committed.isEmpty());
    }

    @Test void dotStuffingRoundTrip() throws IOException {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n");
            c.expect("250 2.1.0 Sender <> OK");
            c.expect("250");
            c.expect("354");
            c.send("Subject: dots\r\n\r\n..leading dot\r\n..\r\n...\r\nend\r\n.\r\n");
            c.expect("250 2.0.0");
        }
        String text = target.committed.get(0).text();
        assertTrue(text.startsWith("Return-Path: <>\r\n"));
        assertTrue(text.contains("\r\n\tfor <alice@example.test>; "), "one recipient: named");
        assertTrue(text.endsWith("\r\nSubject: dots\r\n\r\n.leading dot\r\n.\r\n..\r\nend\r\n"), text);
    }

    /** SMTP smuggling: with CRLF commands, LF.LF is content, and the "second message" is not one. */
    @Test void smuggledEndOfDataIsContent() throws IOException {
        try (SmtpClient c = greeted()) {
            c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<jones@example.test>\r\nDATA\r\n");
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.send("Subject: one\r\n\r\nhi\n.\nMAIL FROM:<admin@example.test>\r\nRCPT TO:<brown@example.test>\r\nDATA\r\n"
                    + "Subject: smuggled\r\n\r\r.\r\n.\r\n");
            c.expect("250 2.0.0");
            c.cmd("NOOP").expect("250");  // no replies left over for the smuggled commands
        }
        assertEquals(1, target.committed.size());
        RecordingTarget.Message m = target.committed.get(0);
        assertEquals(List.of(MailAddress.parse("jones@example.test")), m.recipients());
        assertTrue(m.text().endsWith("hi\r\n.\r\nMAIL FROM:<admin@example.test>\r\nRCPT TO:<brown@example.test>\r\nDATA\r\n"
                + "Subject: smuggled\r\n\r\n\r\n.\r\n"), m.text());
    }

    /**
     * Someone typing into nc without -C: commands ending in a bare LF work, but RFC 5321 §4.1.1.4
     * lets only CRLF.CRLF end the data, and a header section with bare LFs is refused (it could
     * hide a header field of its own): nothing is stored.
     */
    @Test void ncWithBareLf() throws IOException {
        try (SmtpClient c = connect()) {
            c.send("HELO typist\nMAIL FROM:<me@home.example>\nRCPT TO:<jones@example.test>\nDATA\n");
            c.expect("250 " + HOST);
            c.expect("250");
            c.expect("250");
            c.expect("354");
            c.send("Subject: typed\n\nhello\n.\nQUIT\n");
            c.send("\r\n.\r\n");
            assertEquals("550 5.5.2 Message header contains a bare CR or LF; lines must end in CRLF", c.expect("550"));
            c.send("QUIT\n");
            c.expect("221");
        }
        assertTrue(target.committed.isEmpty());
    }

    @Test void overlongCommandLine() throws IOException {
        try (SmtpClient c = greeted()) {
            assertEquals("500 5.5.2 Line too long", c.cmd("NOOP " + "z".repeat(3000)).expect("500"));
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
        }
    }

    @Test void tooManyRecipients() throws IOException {
        try (SmtpClient c = greeted()) {
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            for (String u : List.of("jones", "brown", "alice", "jöran")) c.cmd("RCPT TO:<" + u + "@example.test> ").reply();
            c.cmd("MAIL FROM:<a@b.example>").reply();
        }
        // jöran without SMTPUTF8 was refused with 553 5.6.7; so 3 accepted; now fill to the limit of 5
        target = new RecordingTarget("u1", "u2", "u3", "u4", "u5", "u6");
        listener.close();
        listener = listen(CONFIG, 10, Duration.ofSeconds(10));
        try (SmtpClient c = greeted()) {
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            for (int i = 1; i <= 5; i++) c.cmd("RCPT TO:<u" + i + "@example.test>").expect("250");
            c.cmd("RCPT TO:<u1@example.test>").expect("250");  // a repeat is not one more
            assertEquals("452 4.5.3 Too many recipients", c.cmd("RCPT TO:<u6@example.test>").expect("452"));
        }
    }

    @Test void utf8AddressesNeedSmtpUtf8() throws IOException {
        try (SmtpClient c = greeted()) {
            assertEquals("553 5.6.7 Non-ASCII address requires SMTPUTF8", c.cmd("MAIL FROM:<jöran@bücher.example>").expect("553"));
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            c.cmd("RCPT TO:<jöran@example.test>").expect("553 5.6.7");
            c.cmd("RSET").expect("250");
            c.cmd("MAIL FROM:<jöran@bücher.example> SMTPUTF8").expect("250");
            c.cmd("RCPT TO:<jöran@example.test>").expect("250");
            c.cmd("DATA").expect("354");
            c.send("Subject: grüße\r\n\r\nhej\r\n.\r\n").expect("250");
        }
        String text = target.committed.get(0).text();
        assertTrue(text.startsWith("Return-Path: <jöran@bücher.example>\r\n"));
        assertTrue(text.contains(" with UTF8SMTP id "));
        assertTrue(text.contains("for <jöran@example.test>"));
    }

    @Test void parametersNeedEhlo() throws IOException {
        try (SmtpClient c = connect()) {
            c.cmd("HELO client.example").expect("250");
            c.cmd("MAIL FROM:<a@b.example> SMTPUTF8").expect("555 5.5.4");
            c.cmd("MAIL FROM:<a@b.example> SIZE=10").expect("555 5.5.4");
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
        }
    }

    @Test void tooManyErrorsClosesTheConnection() throws IOException {
        try (SmtpClient c = greeted()) {
            c.send("FOO\r\n".repeat(25));
            for (int i = 0; i < 20; i++) c.expect("500 5.5.1");
            assertEquals("421 4.7.0 " + HOST + " Too many errors, closing connection", c.expect("421"));
            assertTrue(c.closedByServer());
        }
    }

    @Test void tooManyConnectionsIsRefused() throws IOException {
        try (Listener one = listen(CONFIG, 1, Duration.ofSeconds(10));
             SmtpClient first = new SmtpClient(one.port())) {
            first.expect("220");
            try (SmtpClient second = new SmtpClient(one.port())) {
                assertEquals("421 4.7.0 " + HOST + " Too many connections, try again later", second.expect("421"));
                assertTrue(second.closedByServer());
            }
        }
    }

    @Test void idleClientTimesOut() throws IOException, InterruptedException {
        try (Listener quick = listen(CONFIG, 10, Duration.ofMillis(300));
             SmtpClient c = new SmtpClient(quick.port())) {
            c.expect("220");
            c.cmd("EHLO x").reply();
            c.cmd("MAIL FROM:<a@b.example>").expect("250");
            assertEquals("421 4.4.2 " + HOST + " Timeout, closing connection", c.expect("421"));
            assertTrue(c.closedByServer());
        }
        assertTrue(target.awaitAborted(1));
    }

    @Test void configIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig("bad host"));
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig(HOST, 0, 100, 2048, 10_000, 20));
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig(HOST, 1000, 100, 511, 10_000, 20));
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig(HOST, 1000, 100, 2048, 999, 20));
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig(HOST).withFailedAuthDelay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig(HOST).withFailedAuthDelay(Duration.ofMinutes(2)));
        assertThrows(IllegalArgumentException.class, () -> new SmtpConfig(HOST).withFailedAuthDelay(null));
        SmtpConfig d = new SmtpConfig(HOST);
        assertEquals(List.of(25L * 1024 * 1024, 100, 2048, 10_000, 20, false, Duration.ofSeconds(1)),
                List.of(d.maxMessageSize(), d.maxRecipients(), d.maxCommandLineLength(), d.maxTextLineLength(), d.maxErrors(),
                        d.authRequired(), d.failedAuthDelay()));
        assertTrue(d.withAuthRequired(true).authRequired());
        assertEquals(d.withMaxRecipients(7).withAuthRequired(true).withFailedAuthDelay(Duration.ZERO),
                new SmtpConfig(HOST, d.maxMessageSize(), 7, 2048, 10_000, 20, true, Duration.ZERO));
    }
}
