package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.dkim.DnsRecord;
import pigeon.smtp.relay.TestDns;
import pigeon.store.Account;
import pigeon.store.MessageEntry;

/**
 * Two Pigeons on one machine: A (a.test, on 127.0.0.1) relays to B (b.test and c.test, on
 * 127.0.0.3), found through MX records served by a real DNS server on loopback. Nothing in
 * between is mocked: submission, queue, MX lookup, SMTP client, the receiving server, DSNs.
 */
class RelayEndToEndTest {
    @TempDir Path tmp;
    TestDns dns;
    int bPort;
    Pigeon a, b;

    @BeforeEach void setUp() throws Exception {
        dns = TestDns.start();
        dns.mx("b.test", 10, "mx.b.test").a("mx.b.test", "127.0.0.3")
           // c.test: the preferred MX is down (nothing listens on 127.0.0.4), the second is B
           .mx("c.test", 10, "mx1.c.test").a("mx1.c.test", "127.0.0.4").mx("c.test", 20, "mx.b.test");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.3"))) { bPort = s.getLocalPort(); }
        a = startA();
        b = startB();
        a.store().directory().addAccount(MailAddress.parse("alice@a.test"), "secret");
        b.store().directory().addAccount(MailAddress.parse("bob@b.test"), "secret");
        b.store().directory().addAccount(MailAddress.parse("carol@c.test"), "secret");
    }

    @AfterEach void tearDown() {
        if (a != null) a.close();
        if (b != null) b.close();
        dns.close();
    }

    private Pigeon startA() throws IOException {
        Map<String, String> s = common();
        s.putAll(Map.of("hostname", "mx.a.test", "domains", "a.test", "bind", "127.0.0.1", "relay.port", String.valueOf(bPort)));
        return Pigeon.start(PigeonConfig.load(tmp.resolve("a"), null, s));
    }

    private Pigeon startB() throws IOException {
        Map<String, String> s = common();
        s.putAll(Map.of("hostname", "mx.b.test", "domains", "b.test, c.test", "bind", "127.0.0.3", "smtp.port", String.valueOf(bPort)));
        return Pigeon.start(PigeonConfig.load(tmp.resolve("b"), null, s));
    }

    private Map<String, String> common() {
        Map<String, String> m = new HashMap<>(Map.of("smtp.port", "0", "submission.port", "0", "pop3.port", "0", "imap.port", "0", "webmail.port", "0", "smtp.failed-login-delay", "0s",
                "relay.dns", "127.0.0.1:" + dns.port(), "relay.retry-first", "1s", "relay.poll-interval", "1s"));
        m.putAll(Map.of("submissions.port", "off", "imaps.port", "off", "pop3s.port", "off"));
        return m;
    }

    /** As Thunderbird submits: EHLO [127.0.0.1], AUTH PLAIN inline, MAIL, RCPT, DATA, and no QUIT. */
    private void submit(String from, List<String> to, String message) throws IOException {
        try (Socket s = new Socket("127.0.0.1", a.submissionPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            send(out, in, "EHLO [127.0.0.1]", "250");
            String plain = Base64.getEncoder().encodeToString(("\0" + from + "\0secret").getBytes(StandardCharsets.UTF_8));
            send(out, in, "AUTH PLAIN " + plain, "235");
            send(out, in, "MAIL FROM:<" + from + ">", "250");
            for (String r : to) send(out, in, "RCPT TO:<" + r + ">", "250");
            send(out, in, "DATA", "354");
            String stuffed = message.replace("\n.", "\n..").replace("\n", "\r\n");  // RFC 5321 §4.5.2
            send(out, in, stuffed + (stuffed.endsWith("\r\n") ? "." : "\r\n."), "250");
        }
    }

    private static void send(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        while ((line = in.readLine()) != null && line.startsWith(code + "-")) { /* continuation */ }
        assertNotNull(line, "connection closed");
        assertTrue(line.startsWith(code + " "), "expected " + code + ", got " + line);
    }

    /**
     * Waits until the queue is empty: a bounce (or a delivery) is in the mailbox before the relay's worker
     * records its entry as done, so a check right after {@link #awaitInbox} races that commit.
     */
    private static boolean awaitEmptyQueue(Pigeon p) throws InterruptedException {
        for (int i = 0; i < 200 && !p.store().queue().list().isEmpty(); i++) Thread.sleep(50);
        return p.store().queue().list().isEmpty();
    }

    /** Waits until the account's INBOX has {@code n} messages; returns the newest one's bytes. */
    private static String awaitInbox(Pigeon p, String address, int n) throws Exception {
        Account account = p.store().directory().account(MailAddress.parse(address)).orElseThrow();
        long inbox = p.store().mailboxes().find(account.id(), "INBOX").orElseThrow().id();
        for (int i = 0; i < 200; i++) {
            List<MessageEntry> entries = p.store().mailboxes().entries(inbox);
            if (entries.size() >= n) {
                assertEquals(n, entries.size(), "more messages than expected in " + address);
                try (InputStream in = p.store().mailboxes().openContent(entries.get(n - 1).messageId())) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(address + " did not get " + n + " message(s); queue: " + p.store().queue().list() + " / A's queue: ");
    }

    /** The first message of the account's INBOX, as its owner reads it over IMAP with Jakarta Mail. */
    private static String readOverImap(Pigeon p, String address) throws Exception {
        try (jakarta.mail.Store store = TestServer.mailSession("127.0.0.3", p).getStore("imap")) {
            store.connect(address, "secret");
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            inbox.getMessage(1).writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test void submittedMailReachesTheMxWithAVerifiableDkimSignature() throws Exception {
        DnsRecord key = Pigeon.dkimKeys(tmp.resolve("a")).generate("a.test", "pigeon").dnsRecord();
        dns.txt(key.name(), key.strings());

        submit("alice@a.test", List.of("bob@b.test", "carol@c.test"),
                "From: Alice <alice@a.test>\nTo: bob@b.test, carol@c.test\nSubject: over the wire\nMessage-ID: <1@a.test>\n\nHello Bob.\n.dot line\n");

        String atBob = awaitInbox(b, "bob@b.test", 1);
        assertEquals(atBob, readOverImap(b, "bob@b.test"), "bob reads over IMAP exactly what B stored");
        assertTrue(atBob.startsWith("Return-Path: <alice@a.test>\r\nReceived: from mx.a.test ("), atBob);
        assertEquals(atBob.indexOf("Return-Path:"), atBob.lastIndexOf("Return-Path:"), "only the final delivery's Return-Path");
        assertTrue(atBob.contains("DKIM-Signature: "), atBob);
        assertTrue(atBob.endsWith("\r\n\r\nHello Bob.\r\n.dot line\r\n"), atBob);
        // c.test's preferred MX is down; its second MX (B) took the message.
        assertTrue(awaitInbox(b, "carol@c.test", 1).contains("Subject: over the wire"));

        // The signature verifies against the key published in DNS (B's trace headers come before it, unsigned).
        List<SignatureRecord> verified = new DKIMVerifier(txtFrom(dns)).verify(new ByteArrayInputStream(atBob.getBytes(StandardCharsets.UTF_8)));
        assertEquals("a.test", verified.get(0).getDToken().toString());
        assertTrue(awaitEmptyQueue(a), "delivered entries leave the queue");
    }

    @Test void aRemoteRefusalBouncesADeliveryReportToTheSender() throws Exception {
        submit("alice@a.test", List.of("nobody@b.test"), "From: alice@a.test\nSubject: to nobody\n\nhello?\n");

        String dsn = awaitInbox(a, "alice@a.test", 1);
        assertTrue(dsn.startsWith("Return-Path: <>\r\n"), dsn);
        assertTrue(dsn.contains("Content-Type: multipart/report;") && dsn.contains("report-type=delivery-status"), dsn);
        assertTrue(dsn.contains("Final-Recipient: rfc822; nobody@b.test"), dsn);
        assertTrue(dsn.contains("Action: failed"), dsn);
        assertTrue(dsn.contains("Status: 5.1.1"), dsn);
        assertTrue(dsn.contains("Diagnostic-Code: smtp; 550 5.1.1"), dsn);
        assertTrue(dsn.contains("Subject: to nobody"), "the original's headers come back");
        assertFalse(dsn.contains("hello?"), "but not its body");
        assertTrue(awaitEmptyQueue(a), "the refused entry leaves the queue");
    }

    @Test void aQueuedMessageIsDeliveredAfterARestartOnceTheMxIsBack() throws Exception {
        b.close();
        b = null;
        submit("alice@a.test", List.of("bob@b.test"), "From: alice@a.test\nSubject: patience\n\nwaited\n");
        for (int i = 0; i < 100 && a.store().queue().list().stream().allMatch(e -> e.attempts() == 0); i++) Thread.sleep(100);
        assertTrue(a.store().queue().list().get(0).lastReply().isPresent(), "a failed attempt was recorded");

        a.close();
        a = null;
        b = startB();
        a = startA();  // same data directory: the queue is still there

        assertTrue(awaitInbox(b, "bob@b.test", 1).contains("Subject: patience"));
    }

    /** DKIM keys from DNS, asked of the test's DNS server like any verifier would. */
    private static PublicKeyRecordRetriever txtFrom(TestDns dns) {
        return (method, selector, token) -> {
            try {
                Lookup lookup = new Lookup(selector + "._domainkey." + token, Type.TXT);
                lookup.setResolver(new SimpleResolver(dns.address()));
                lookup.setCache(new Cache());
                Record[] records = lookup.run();
                if (records == null) throw new TempFailException("no TXT record: " + lookup.getErrorString());
                return java.util.Arrays.stream(records).map(r -> String.join("", ((TXTRecord) r).getStrings())).collect(Collectors.toList());
            } catch (org.xbill.DNS.TextParseException e) {
                throw new TempFailException(e.getMessage());
            }
        };
    }
}
