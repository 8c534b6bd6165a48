package pigeon.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.imap.ImapServer;
import pigeon.imap.mime.MessageDescription;
import pigeon.pop3.Pop3Server;
import pigeon.pop3.StoreMaildrops;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.net.Listener;
import pigeon.protocol.sasl.Authenticator;
import pigeon.smtp.SmtpServer;
import pigeon.smtp.dkim.DkimKeys;
import pigeon.smtp.dkim.DkimSigner;
import pigeon.smtp.relay.Relay;
import pigeon.smtp.relay.Signer;
import pigeon.store.MailStore;
import pigeon.store.StoreConfig;
import pigeon.webmail.ClientSettings;
import pigeon.webmail.ClientSettings.Server;
import pigeon.webmail.ClientSettings.Service;
import pigeon.webmail.WebmailServer;

/** The running mail system: the store and every listener, wired by hand. */
public final class Pigeon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pigeon.class);

    private final MailStore store;
    private final List<Listener> listeners;
    private final Relay relay;
    private final WebmailServer webmail;

    private Pigeon(MailStore store, List<Listener> listeners, Relay relay, WebmailServer webmail) {
        this.store = store;
        this.listeners = listeners;
        this.relay = relay;
        this.webmail = webmail;
    }

    public static Pigeon start(PigeonConfig config) throws IOException {
        MailStore store = openStore(config.dataDir(), config.dbPoolSize());
        List<Listener> listeners = new ArrayList<>();
        try {
            if (store.directory().domains().isEmpty()) {
                config.initialDomains().forEach(store.directory()::addDomain);
                log.info("first start: created domain(s) {}", config.initialDomains());
            }
            DeliveryTarget target = store.deliveryTarget(config.delivery());
            Authenticator authenticator = authenticator(store);
            listeners.add(Listener.start(config.smtpListener(), new SmtpServer(config.smtp(), target, authenticator)));
            listeners.add(Listener.start(config.submissionListener(), new SmtpServer(config.smtp().withAuthRequired(true), target, authenticator)));
            listeners.add(Listener.start(config.pop3Listener(),
                    new Pop3Server(config.pop3(), new StoreMaildrops(store.directory(), store.mailboxes()))));
            listeners.add(Listener.start(config.imapListener(), new ImapServer(config.imap(), store.directory(), store.mailboxes())));
            Relay relay = new Relay(config.relay(), store.queue(),
                    new Bounces(config.hostname(), store.queue(), target, config.relay().maxAge()), dkimSigner(dkimKeys(config.dataDir())));
            WebmailServer webmail;
            try {
                // The webmail sends through the submission path (the same target as the submission port).
                webmail = WebmailServer.start(config.webmail(), store.directory(), store.mailboxes(), target, clientSettings(config, listeners));
            } catch (RuntimeException e) {
                relay.close();
                throw e;
            }
            relay.start();
            Pigeon pigeon = new Pigeon(store, List.copyOf(listeners), relay, webmail);
            log.info("Pigeon ready: data in {}, SMTP port {}, submission port {}, POP3 port {}, IMAP port {}, webmail port {}, domains {}",
                    config.dataDir().toAbsolutePath(), pigeon.smtpPort(), pigeon.submissionPort(), pigeon.pop3Port(), pigeon.imapPort(),
                    pigeon.webmailPort(), store.directory().domains());
            return pigeon;
        } catch (IOException | RuntimeException e) {
            listeners.forEach(Listener::close);
            store.close();
            throw e;
        }
    }

    /** What autoconfig publishes: the configured host name and the ports the listeners really have. */
    private static ClientSettings clientSettings(PigeonConfig config, List<Listener> listeners) {
        return new ClientSettings(config.hostname(), List.of(
                new Server(Service.IMAP, listeners.get(3).port(), config.socketType(config.imapListener())),
                new Server(Service.POP3, listeners.get(2).port(), config.socketType(config.pop3Listener())),
                new Server(Service.SMTP, listeners.get(1).port(), config.socketType(config.submissionListener()))));
    }

    /** DKIM keys live beside the database, one PEM file per domain. */
    static DkimKeys dkimKeys(Path dataDir) { return new DkimKeys(dataDir.resolve("dkim")); }

    /** Outbound mail from a domain with a key gets a DKIM-Signature (RFC 6376) in front. */
    private static Signer dkimSigner(DkimKeys keys) {
        DkimSigner signer = new DkimSigner(keys);
        return (entry, message) -> {
            try (InputStream in = message.open()) {
                return signer.sign(in).map(h -> h.getBytes(StandardCharsets.US_ASCII)).orElse(new byte[0]);
            }
        };
    }

    /** Logins of every protocol: the account's address (or an alias) and its password. */
    private static Authenticator authenticator(MailStore store) {
        return (user, password) -> store.directory().authenticate(user, password).map(a -> a.address().toString());
    }

    /** Opens the data directory's database, creating both (and the database secret) on first use. */
    static MailStore openStore(Path dataDir, int poolSize) throws IOException {
        Files.createDirectories(dataDir);
        // What IMAP needs of a message (ENVELOPE, BODYSTRUCTURE, part offsets) is computed once, at delivery.
        return MailStore.open(StoreConfig.h2File(dataDir, databaseSecret(dataDir)).withPoolSize(poolSize),
                message -> MessageDescription.parse(message).encode());
    }

    /**
     * The embedded database's password, made at first start and readable by the owner only: with
     * AUTO_SERVER, H2 listens on a local TCP port, and the password is what keeps others out.
     */
    private static String databaseSecret(Path dataDir) throws IOException {
        Path f = dataDir.resolve("db.secret");
        if (Files.exists(f)) return Files.readString(f).trim();
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String secret = HexFormat.of().formatHex(b);
        Files.writeString(f, secret + "\n");
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        return secret;
    }

    public MailStore store() { return store; }
    public int smtpPort() { return listeners.get(0).port(); }
    public int submissionPort() { return listeners.get(1).port(); }
    public int pop3Port() { return listeners.get(2).port(); }
    public int imapPort() { return listeners.get(3).port(); }
    public int webmailPort() { return webmail.port(); }

    /** Stops accepting, ends every session, and closes the database. */
    @Override public void close() {
        webmail.close();
        listeners.forEach(Listener::close);
        relay.close();
        store.close();
        log.info("Pigeon stopped");
    }
}
