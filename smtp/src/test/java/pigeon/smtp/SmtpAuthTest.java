package pigeon.smtp;

import pigeon.protocol.net.NonLoopback;
import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.net.Listener;
import pigeon.protocol.net.ListenerConfig;
import pigeon.protocol.sasl.Authenticator;

/** AUTH (RFC 4954) and submission (RFC 6409) over real sockets, with a recording target and a test authenticator. */
class SmtpAuthTest {
    static final String HOST = SmtpServerTest.HOST;
    /** The MX role, without the failed-AUTH delay. */
    static final SmtpConfig MX = SmtpServerTest.CONFIG.withFailedAuthDelay(Duration.ZERO);
    static final SmtpConfig SUBMISSION = MX.withAuthRequired(true);
    static final String PASSWORD = "s3cret-pw";

    /**
     * alice logs in as "alice@example.test" or, like an alias, as "alice"; the account name is the
     * address either way. "broken" makes the authenticator fail as a store might.
     */
    static final Authenticator ACCOUNTS = (user, password) -> {
        if (user.equals("broken")) throw new IllegalStateException("store unavailable");
        String account = user.contains("@") ? user.toLowerCase() : user + "@example.test";
        return account.equals("alice@example.test") && password.equals(PASSWORD) ? Optional.of(account) : Optional.empty();
    };

    final RecordingTarget target = new RecordingTarget("jones", "alice");
    final List<Listener> listeners = new ArrayList<>();

    @AfterEach void stop() { listeners.forEach(Listener::close); }

    Listener listen(SmtpConfig config, InetAddress address) throws IOException {
        Listener l = Listener.start(new ListenerConfig("smtp", new InetSocketAddress(address, 0), 10, Duration.ofSeconds(10)),
                new SmtpServer(config, target, ACCOUNTS));
        listeners.add(l);
        return l;
    }

    SmtpClient connect(SmtpConfig config) throws IOException {
        SmtpClient c = new SmtpClient(listen(config, InetAddress.getLoopbackAddress()).port());
        c.expect("220 ");
        return c;
    }

    SmtpClient greeted(SmtpConfig config) throws IOException {
        SmtpClient c = connect(config);
        c.cmd("EHLO client.example").reply();
        return c;
    }

    static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

    static String plain(String authzid, String user, String password) { return b64(authzid + "\0" + user + "\0" + password); }

    /** MAIL, RCPT and DATA of a short message that is accepted. */
    static void send(SmtpClient c, String from, String to) throws IOException {
        c.cmd("MAIL FROM:<" + from + ">").expect("250 2.1.0");
        c.cmd("RCPT TO:<" + to + ">").expect("250 2.1.5");
        c.cmd("DATA").expect("354");
        c.send("Subject: hi\r\n\r\nhello\r\n.\r\n").expect("250 2.0.0");
    }

    // --- the mechanisms ---

    @Test void plainWithInitialResponse() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("235 2.7.0 Authentication successful", c.cmd("AUTH PLAIN " + plain("", "alice@example.test", PASSWORD)).expect("235"));
            send(c, "alice@example.test", "jones@example.test");
            send(c, "alice@example.test", "someone@elsewhere.example");  // relayed for an authenticated client
        }
        assertEquals(2, target.committed.size());
        for (RecordingTarget.Message m : target.committed) {
            assertEquals(Optional.of("alice@example.test"), m.envelope().authenticatedUser(), "every transaction after AUTH");
            assertTrue(m.text().contains(" (Pigeon) with ESMTPA id "), m.text());
        }
    }

    @Test void plainWithContinuation() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals(List.of("334 "), c.cmd("auth plain").reply(), "empty challenge");
            c.cmd(plain("alice@example.test", "alice@example.test", PASSWORD)).expect("235 2.7.0");  // authzid = self
            send(c, "alice@example.test", "jones@example.test");
        }
        assertEquals(Optional.of("alice@example.test"), target.committed.get(0).envelope().authenticatedUser());
    }

    @Test void plainMalformedOrEmptyResponseIsInvalidCredentials() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("AUTH PLAIN =").expect("535 5.7.8");                          // "=": an empty response
            c.cmd("AUTH PLAIN " + b64("alice@example.test" + PASSWORD)).expect("535 5.7.8");  // no NULs
            c.cmd("AUTH PLAIN").expect("334");
            c.cmd("").expect("535 5.7.8");
        }
    }

    @Test void loginWithChallenges() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("334 VXNlcm5hbWU6", c.cmd("AUTH LOGIN").expect("334"));
            assertEquals("334 UGFzc3dvcmQ6", c.cmd(b64("alice")).expect("334"));
            c.cmd(b64(PASSWORD)).expect("235 2.7.0 Authentication successful");
            send(c, "alice@example.test", "jones@example.test");
        }
        // the login name was "alice"; the envelope carries what the authenticator answered
        assertEquals(Optional.of("alice@example.test"), target.committed.get(0).envelope().authenticatedUser());
    }

    @Test void loginWithInitialResponse() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("334 UGFzc3dvcmQ6", c.cmd("AUTH LOGIN " + b64("alice@example.test")).expect("334"));
            c.cmd(b64(PASSWORD)).expect("235 2.7.0");
        }
    }

    @Test void cancelWithStar() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("AUTH PLAIN").expect("334 ");
            assertEquals("501 5.0.0 Authentication cancelled", c.cmd("*").expect("501"));
            c.cmd("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
            c.cmd(b64("alice")).expect("334 UGFzc3dvcmQ6");
            c.cmd("*").expect("501 5.0.0 Authentication cancelled");
            c.cmd("AUTH LOGIN " + b64("alice")).expect("334 UGFzc3dvcmQ6");  // and the session can still authenticate
            c.cmd(b64(PASSWORD)).expect("235");
        }
    }

    @Test void badBase64() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("501 5.5.2 Invalid base64 data", c.cmd("AUTH PLAIN !!!notbase64").expect("501"));
            c.cmd("AUTH LOGIN").expect("334");
            c.cmd("not base64 at all").expect("501 5.5.2");
            c.cmd("AUTH PLAIN").expect("334");
            c.cmd("AGFsaWNl*").expect("501 5.5.2");
            c.cmd("NOOP").expect("250");  // in step
        }
    }

    @Test void wrongPasswordIs535AndLeavesTheSessionUnauthenticated() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("535 5.7.8 Authentication credentials invalid",
                    c.cmd("AUTH PLAIN " + plain("", "alice@example.test", "wrong")).expect("535"));
            c.cmd("AUTH LOGIN " + b64("alice")).expect("334");
            c.cmd(b64("wrong")).expect("535 5.7.8");
            c.cmd("AUTH PLAIN " + plain("", "nobody@example.test", PASSWORD)).expect("535 5.7.8");
            // RFC 4616 §2: acting as someone else is refused, even with the right password
            c.cmd("AUTH PLAIN " + plain("jones@example.test", "alice@example.test", PASSWORD)).expect("535 5.7.8");
            c.cmd("MAIL FROM:<x@elsewhere.example>").expect("250");
            c.cmd("RCPT TO:<y@far.example>").expect("550 5.7.1 Relaying denied");  // not authenticated
        }
        assertTrue(target.envelopes.get(0).authenticatedUser().isEmpty());
    }

    @Test void failedAuthIsDelayedAndCountsAsAnError() throws IOException {
        SmtpConfig slow = new SmtpConfig(HOST, 20_000, 5, 2048, 1000, 3, false, Duration.ofMillis(150));
        try (SmtpClient c = greeted(slow)) {
            long start = System.nanoTime();
            c.cmd("AUTH PLAIN " + plain("", "alice", "wrong")).expect("535");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(140).toNanos(), "delayed");
            c.cmd("AUTH PLAIN " + plain("", "alice", "wrong")).expect("535");
            c.cmd("AUTH PLAIN " + plain("", "alice", "wrong")).expect("535");
            assertEquals("421 4.7.0 " + HOST + " Too many errors, closing connection", c.expect("421"));
            assertTrue(c.closedByServer());
        }
    }

    @Test void authenticatorFailureIsTemporary() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("454 4.7.0 Temporary authentication failure", c.cmd("AUTH PLAIN " + plain("", "broken", "x")).expect("454"));
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("235");
        }
    }

    @Test void overlongResponseLine() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("AUTH PLAIN").expect("334");
            assertEquals("500 5.5.6 Authentication exchange line is too long", c.cmd("QUFB".repeat(4000)).expect("500"));
            c.cmd("AUTH PLAIN").expect("334");
            c.cmd(plain("", "alice", PASSWORD)).expect("235");  // in step after the overlong line
        }
    }

    @Test void longResponseWithinTheSaslLimitIsRead() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("AUTH PLAIN").expect("334");
            String big = plain("", "alice", "p".repeat(8000));  // ~10.7k octets: over the command limit, within 12288
            c.cmd(big).expect("535 5.7.8");
        }
    }

    // --- where AUTH is allowed ---

    @Test void unknownMechanismAndSyntax() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            assertEquals("504 5.5.4 Unrecognized authentication type", c.cmd("AUTH CRAM-MD5").expect("504"));
            assertEquals("501 5.5.2 Syntax: AUTH mechanism [initial-response]", c.cmd("AUTH").expect("501"));
            c.cmd("AUTH PLAIN a b").expect("501 5.5.2");
            c.cmd("AUTH PL@IN").expect("501 5.5.2");
        }
    }

    @Test void authNeedsEhlo() throws IOException {
        try (SmtpClient c = connect(MX)) {
            assertEquals("503 5.5.1 Send EHLO first", c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("503"));
            c.cmd("HELO client.example").expect("250");
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("503 5.5.1 Send EHLO first");
            c.cmd("EHLO client.example").reply();
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("235");
        }
    }

    @Test void authOnlyOnce() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("235");
            assertEquals("503 5.5.1 Already authenticated", c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("503"));
            c.cmd("EHLO again.example").reply();  // a new EHLO keeps the authentication
            c.cmd("AUTH LOGIN").expect("503 5.5.1 Already authenticated");
            send(c, "alice@example.test", "jones@example.test");
        }
        assertEquals(Optional.of("alice@example.test"), target.committed.get(0).envelope().authenticatedUser());
        assertEquals("again.example", target.committed.get(0).envelope().heloName());
    }

    @Test void authNotDuringATransaction() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("MAIL FROM:<x@elsewhere.example>").expect("250");
            assertEquals("503 5.5.1 AUTH not permitted during a mail transaction",
                    c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("503"));
            c.cmd("RCPT TO:<jones@example.test>").expect("250");  // the transaction goes on
            c.cmd("RSET").expect("250");
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("235");
        }
    }

    // --- submission (RFC 6409) ---

    @Test void submissionRequiresAuthBeforeMail() throws IOException {
        try (SmtpClient c = greeted(SUBMISSION)) {
            assertEquals("530 5.7.0 Authentication required", c.cmd("MAIL FROM:<alice@example.test>").expect("530"));
            c.cmd("RCPT TO:<jones@example.test>").expect("503 5.5.1");
            c.cmd("AUTH PLAIN " + plain("", "alice@example.test", PASSWORD)).expect("235");
            send(c, "alice@example.test", "friend@far.example");
        }
        assertEquals(1, target.committed.size());
        assertEquals(Optional.of("alice@example.test"), target.committed.get(0).envelope().authenticatedUser());
        assertEquals(List.of(MailAddress.parse("friend@far.example")), target.committed.get(0).recipients());
    }

    @Test void senderNotOwnedIsRefusedAtMail() throws IOException {
        try (SmtpClient c = greeted(SUBMISSION)) {
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("235");
            assertEquals("553 5.7.1 Sender address not owned by you", c.cmd("MAIL FROM:<jones@example.test>").expect("553"));
            c.cmd("RCPT TO:<jones@example.test>").expect("503 5.5.1");  // no transaction was opened
            send(c, "alice@example.test", "jones@example.test");
        }
        assertEquals(1, target.committed.size());
    }

    @Test void mailAuthParameter() throws IOException {
        try (SmtpClient c = greeted(MX)) {
            c.cmd("MAIL FROM:<x@elsewhere.example> AUTH=<>").expect("250");
            c.cmd("RSET").expect("250");
            c.cmd("MAIL FROM:<x@elsewhere.example> AUTH=<x+2Bsub@elsewhere.example> SIZE=10").expect("250");
            c.cmd("RSET").expect("250");
            assertEquals("501 5.5.4 Bad AUTH value", c.cmd("MAIL FROM:<x@elsewhere.example> AUTH=x@elsewhere.example").expect("501"));
            c.cmd("MAIL FROM:<x@elsewhere.example> AUTH=<a+2x@b>").expect("501 5.5.4");
        }
    }

    /** RFC 4954 §4: AUTH may end a pipelined group; Thunderbird sends AUTH PLAIN, MAIL, RCPT, DATA without waiting. */
    @Test void pipelinedAuthThenTransaction() throws IOException {
        try (SmtpClient c = connect(SUBMISSION)) {
            c.send("EHLO [127.0.0.1]\r\nAUTH PLAIN " + plain("", "alice@example.test", PASSWORD) + "\r\n"
                    + "MAIL FROM:<alice@example.test>\r\nRCPT TO:<jones@example.test>\r\nDATA\r\n");
            assertEquals(8, c.reply().size());
            c.expect("235 2.7.0");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("354");
            c.send("Subject: pipelined\r\n\r\nhi\r\n.\r\n");
            c.expect("250 2.0.0");
        }
        assertEquals(Optional.of("alice@example.test"), target.committed.get(0).envelope().authenticatedUser());
    }

    @Test void pipelinedContinuationResponse() throws IOException {
        try (SmtpClient c = connect(SUBMISSION)) {
            c.send("EHLO x\r\nAUTH PLAIN\r\n" + plain("", "alice", PASSWORD) + "\r\nMAIL FROM:<alice@example.test>\r\n");
            c.reply();
            c.expect("334 ");
            c.expect("235");
            c.expect("250 2.1.0");
        }
    }

    // --- the plaintext policy: loopback here, a non-loopback address of this machine below ---

    @Test void notOfferedAwayFromLoopback() throws IOException {
        Optional<InetAddress> address = NonLoopback.address();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback address");
        Listener mx = listen(MX, address.get()), submission = listen(SUBMISSION, address.get());
        try (SmtpClient c = new SmtpClient(address.get(), mx.port())) {
            c.expect("220");
            List<String> ehlo = c.cmd("EHLO remote.example").reply();
            assertFalse(ehlo.stream().anyMatch(l -> l.contains("AUTH")), ehlo::toString);
            assertEquals(7, ehlo.size());
            assertEquals("538 5.7.11 Encryption required for requested authentication mechanism",
                    c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("538"));
            c.cmd("AUTH LOGIN").expect("538 5.7.11");
            c.cmd("AUTH GSSAPI").expect("504 5.5.4");
            assertEquals("555 5.5.4 Unsupported parameter AUTH", c.cmd("MAIL FROM:<x@elsewhere.example> AUTH=<>").expect("555"));
            c.cmd("MAIL FROM:<x@elsewhere.example>").expect("250");  // the MX role goes on without AUTH
            c.cmd("RCPT TO:<jones@example.test>").expect("250");
        }
        try (SmtpClient c = new SmtpClient(address.get(), submission.port())) {
            c.expect("220");
            c.cmd("EHLO remote.example").reply();
            c.cmd("AUTH PLAIN " + plain("", "alice", PASSWORD)).expect("538");
            c.cmd("MAIL FROM:<alice@example.test>").expect("530 5.7.0");
        }
    }

    // --- logging ---

    @Test void passwordsAndBase64NeverLogged() throws Exception {
        Logger pigeon = (Logger) LoggerFactory.getLogger("pigeon");
        Level before = pigeon.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        pigeon.addAppender(captured);
        pigeon.setLevel(Level.DEBUG);
        pigeon.setAdditive(false);  // captured, not printed
        List<String> secrets = List.of(PASSWORD, "wrong-pw-1", "wrong-pw-2", plain("", "alice@example.test", "wrong-pw-1"),
                b64("wrong-pw-2"), b64(PASSWORD), plain("", "alice@example.test", PASSWORD));
        try (SmtpClient c = greeted(MX)) {
            c.cmd("AUTH PLAIN " + secrets.get(3)).expect("535");
            c.cmd("AUTH LOGIN " + b64("alice")).expect("334");
            c.cmd(secrets.get(4)).expect("535");
            c.cmd("AUTH PLAIN").expect("334");
            c.cmd("*").expect("501");
            c.cmd("AUTH PLAIN " + secrets.get(6)).expect("235");
            c.cmd("QUIT").expect("221");
            assertTrue(c.closedByServer());
        } finally {
            pigeon.detachAppender(captured);
            pigeon.setLevel(before);
            pigeon.setAdditive(true);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.contains("AUTH PLAIN alice@example.test: failed, invalid credentials; answered in 0 ms"), lines::toString);
        assertTrue(lines.contains("AUTH LOGIN alice: failed, invalid credentials; answered in 0 ms"), lines::toString);
        assertTrue(lines.contains("AUTH PLAIN: cancelled by the client"), lines::toString);
        assertTrue(lines.contains("AUTH PLAIN alice@example.test: authenticated as alice@example.test"), lines::toString);
        assertTrue(lines.contains("Auth[PLAIN ***]"), "commands are logged at debug, redacted: " + lines);
        for (String secret : secrets)
            assertFalse(lines.stream().anyMatch(l -> l.contains(secret)), () -> secret + " logged: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains(b64("alice"))), lines::toString);
    }
}
