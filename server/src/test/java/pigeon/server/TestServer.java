package pigeon.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;
import pigeon.store.Directory;
import pigeon.store.Mailboxes;

/**
 * The whole system, started in-process on free loopback ports with a temporary data directory,
 * as the tests' peer. Settings are the real defaults except where a test overrides them.
 */
final class TestServer implements AutoCloseable {
    /**
     * A Jakarta Mail session for Pigeon {@code p} listening on {@code host}: SMTP, POP3 and IMAP at its
     * ports, with timeouts so that a server that stops answering fails the test instead of hanging it.
     * {@code -Dmaildebug=true} prints the dialogue.
     */
    static jakarta.mail.Session mailSession(String host, Pigeon p) {
        java.util.Properties props = new java.util.Properties();
        Map<String, Integer> ports = Map.of("smtp", p.smtpPort(), "pop3", p.pop3Port(), "imap", p.imapPort());
        ports.forEach((protocol, port) -> {
            props.put("mail." + protocol + ".host", host);
            props.put("mail." + protocol + ".port", String.valueOf(port));
            props.put("mail." + protocol + ".connectiontimeout", "5000");
            props.put("mail." + protocol + ".timeout", "10000");
        });
        jakarta.mail.Session s = jakarta.mail.Session.getInstance(props);
        s.setDebug(Boolean.getBoolean("maildebug"));
        return s;
    }

    static final String DOMAIN = "example.test", PASSWORD = "secret";

    final Path dataDir;
    final Pigeon pigeon;

    TestServer(Map<String, String> overrides) throws IOException {
        dataDir = Files.createTempDirectory("pigeon-test-");
        Map<String, String> settings = new HashMap<>(Map.of(
                "hostname", "mx." + DOMAIN, "domains", DOMAIN,
                "smtp.port", "0", "submission.port", "0", "pop3.port", "0",
                "pop3.failed-login-delay", "0s", "smtp.failed-login-delay", "0s",
                "imap.port", "0", "imap.failed-login-delay", "0s"));
        settings.putAll(Map.of("submissions.port", "0", "imaps.port", "0", "pop3s.port", "0"));
        settings.put("webmail.port", "0");
        settings.put("webmail.failed-login-delay", "0s");
        settings.putAll(overrides);
        pigeon = Pigeon.start(PigeonConfig.load(dataDir, null, settings));
    }

    TestServer() throws IOException { this(Map.of()); }

    Directory directory() { return pigeon.store().directory(); }
    Mailboxes mailboxes() { return pigeon.store().mailboxes(); }

    Map<String, InetSocketAddress> ports() {
        return Map.of("smtp", new InetSocketAddress("127.0.0.1", pigeon.smtpPort()),
                "submission", new InetSocketAddress("127.0.0.1", pigeon.submissionPort()),
                "pop3", new InetSocketAddress("127.0.0.1", pigeon.pop3Port()),
                "imap", new InetSocketAddress("127.0.0.1", pigeon.imapPort()),
                "submissions", new InetSocketAddress("127.0.0.1", pigeon.port("submissions")),
                "imaps", new InetSocketAddress("127.0.0.1", pigeon.port("imaps")),
                "pop3s", new InetSocketAddress("127.0.0.1", pigeon.port("pop3s")));
    }

    Account account(String localPart) {
        MailAddress a = new MailAddress(localPart, DOMAIN);
        return directory().account(a).orElseGet(() -> directory().addAccount(a, PASSWORD));
    }

    long inbox(Account a) { return mailboxes().find(a.id(), "INBOX").orElseThrow().id(); }

    /**
     * Named set-ups that transcripts ask for with {@code @fixture NAME}:
     * {@code accounts} (the domain emptied, then alice, bob, alias info → bob, all with password
     * "secret"),
     * {@code alice-inbox-N} (N numbered messages in alice's INBOX, "Subject: message i") and
     * {@code alice-dot-lines} (one more message there, 55 octets: "Subject: dots", lines that
     * start with dots, one a lone ".", and no CRLF after its last line).
     */
    void fixture(String name) {
        try {
            if (name.equals("accounts")) {  // a fresh start: no mail, no other accounts
                directory().removeDomain(DOMAIN);
                directory().addDomain(DOMAIN);
                account("alice");
                account("bob");
                if (directory().resolve(new MailAddress("info", DOMAIN)).isEmpty())
                    directory().addAlias(new MailAddress("info", DOMAIN), new MailAddress("bob", DOMAIN));
            } else if (name.startsWith("alice-inbox-")) {
                long inbox = inbox(account("alice"));
                int n = Integer.parseInt(name.substring("alice-inbox-".length()));
                for (int i = 1; i <= n; i++) mailboxes().append(inbox, new ByteArrayInputStream(message(i).getBytes(StandardCharsets.UTF_8)), Set.of(), Instant.now());
            } else if (name.equals("alice-dot-lines")) {
                String dots = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nlast line";
                mailboxes().append(inbox(account("alice")), new ByteArrayInputStream(dots.getBytes(StandardCharsets.US_ASCII)), Set.of(), Instant.now());
            } else {
                throw new IllegalArgumentException("unknown fixture " + name);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fixture messages: exact text, so that transcripts can expect their sizes and lines. */
    static String message(int i) {
        return "From: carol@far.test\r\nTo: alice@example.test\r\nSubject: message " + i + "\r\n\r\nline one of " + i + "\r\n.starts with a dot\r\nlast line\r\n";
    }

    @Override public void close() throws IOException {
        pigeon.close();
        try (Stream<Path> s = Files.walk(dataDir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
