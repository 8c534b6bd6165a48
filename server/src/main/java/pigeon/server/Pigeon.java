package pigeon.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.imap.ImapServer;
import pigeon.imap.mime.MessageDescription;
import pigeon.pop3.Pop3Server;
import pigeon.pop3.StoreMaildrops;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.net.ConnectionHandler;
import pigeon.protocol.net.Listener;
import pigeon.protocol.net.ListenerConfig;
import pigeon.protocol.tls.Certificates;
import pigeon.protocol.tls.Tls;
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
import pigeon.webmail.ClientSettings.SocketType;
import pigeon.webmail.WebmailServer;

/** The running mail system: the store and every listener, wired by hand. */
public final class Pigeon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pigeon.class);

    private final MailStore store;
    private final Map<String, Listener> listeners;
    private final Relay relay;
    private final WebmailServer webmail;

    private Pigeon(MailStore store, Map<String, Listener> listeners, Relay relay, WebmailServer webmail) {
        this.store = store;
        this.listeners = listeners;
        this.relay = relay;
        this.webmail = webmail;
    }

    public static Pigeon start(PigeonConfig config) throws IOException {
        // The certificate is read (or made) while the database opens: each takes some tenths of a
        // second at start, most of it loading classes, and they need nothing of each other.
        FutureTask<Tls> tlsLoading = new FutureTask<>(() -> tls(config));
        Thread.ofPlatform().name("tls-load").daemon().start(tlsLoading);
        MailStore store = openStore(config.dataDir(), config.dbPoolSize());
        Map<String, Listener> listeners = new LinkedHashMap<>();
        try {
            if (store.directory().domains().isEmpty()) {
                config.initialDomains().forEach(store.directory()::addDomain);
                log.info("first start: created domain(s) {}", config.initialDomains());
            }
            Tls tls = loaded(tlsLoading);
            DeliveryTarget target = store.deliveryTarget(config.delivery());
            Authenticator authenticator = authenticator(store);
            SmtpServer mx = new SmtpServer(config.smtp(), target, authenticator);
            SmtpServer submission = new SmtpServer(config.smtp().withAuthRequired(true), target, authenticator);
            Pop3Server pop3 = new Pop3Server(config.pop3(), new StoreMaildrops(store.directory(), store.mailboxes()));
            ImapServer imap = new ImapServer(config.imap(), store.directory(), store.mailboxes());
            Map<String, ConnectionHandler> handlers = Map.of("smtp", mx, "submission", submission, "submissions", submission,
                    "pop3", pop3, "pop3s", pop3, "imap", imap, "imaps", imap);
            for (ListenerConfig l : List.of(config.smtpListener(), config.submissionListener(), config.pop3Listener(), config.imapListener()))
                listeners.put(l.protocol(), Listener.start(l.withTls(tls, false), handlers.get(l.protocol())));
            for (ListenerConfig l : config.implicitTls())
                listeners.put(l.protocol(), Listener.start(l.withTls(tls, true), handlers.get(l.protocol())));
            Relay relay = new Relay(config.relay(), store.queue(),
                    new Bounces(config.hostname(), store.queue(), target, config.relay().maxAge()), dkimSigner(dkimKeys(config.dataDir())));
            WebmailServer webmail;
            try {
                // The webmail sends through the submission path (the same target as the submission port).
                webmail = WebmailServer.start(config.webmail(), store.directory(), store.mailboxes(), target, clientSettings(config, listeners),
                        config.smtpListener().logins(), java.util.Optional.of(tls));
            } catch (RuntimeException e) {
                relay.close();
                throw e;
            }
            relay.start();
            Pigeon pigeon = new Pigeon(store, Collections.unmodifiableMap(listeners), relay, webmail);
            StringBuilder ports = new StringBuilder();
            listeners.forEach((name, l) -> ports.append(ports.isEmpty() ? "" : ", ").append(name).append(' ').append(l.port()));
            ports.append(", webmail ").append(webmail.port());
            webmail.httpsPort().ifPresent(p -> ports.append(", webmail HTTPS ").append(p));
            log.info("Pigeon ready: data in {}, ports: {}; domains {}", config.dataDir().toAbsolutePath(), ports, store.directory().domains());
            return pigeon;
        } catch (IOException | RuntimeException e) {
            listeners.values().forEach(Listener::close);
            store.close();
            throw e;
        }
    }

    /** The configured PEM files, or the self-signed certificate kept in {@code dataDir/tls} (made at first start). */
    static Tls tls(PigeonConfig config) throws IOException {
        PigeonConfig.TlsFiles files = config.tls();
        Certificates certificates = files.certificate().isPresent()
                ? Certificates.fromPem(files.certificate().get(), files.key().orElseThrow())
                : Certificates.selfSigned(tlsDir(config.dataDir()), config.hostname());
        Tls tls = Tls.of(certificates);
        log.info("TLS certificate {} (SHA-256 {})", files.certificate().map(Path::toString).orElse(tlsDir(config.dataDir()).resolve("cert.pem") + ", self-signed"),
                tls.fingerprint());
        return tls;
    }

    static Path tlsDir(Path dataDir) { return dataDir.resolve("tls"); }

    /** What {@link #tls} gave on its thread, with its own exception if it failed. */
    private static Tls loaded(FutureTask<Tls> loading) throws IOException {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the TLS certificate was read", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /**
     * What autoconfig publishes: the configured host name and the ports the listeners really have,
     * implicit TLS first (RFC 8314 §5.1: clients should prefer it), then STARTTLS.
     */
    private static ClientSettings clientSettings(PigeonConfig config, Map<String, Listener> listeners) {
        List<Server> servers = new java.util.ArrayList<>();
        for (var e : List.of(Map.entry(Service.IMAP, List.of("imaps", "imap")), Map.entry(Service.POP3, List.of("pop3s", "pop3")),
                Map.entry(Service.SMTP, List.of("submissions", "submission")))) {
            for (String name : e.getValue()) {
                Listener l = listeners.get(name);
                // the one place that decides what autoconfig says of a listener's security: each has TLS
                if (l != null) servers.add(new Server(e.getKey(), l.port(), l.config().implicitTls() ? SocketType.SSL : SocketType.STARTTLS));
            }
        }
        return new ClientSettings(config.hostname(), servers);
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
    public int smtpPort() { return port("smtp"); }
    public int submissionPort() { return port("submission"); }
    public int pop3Port() { return port("pop3"); }
    public int imapPort() { return port("imap"); }

    /** The port a listener ({@code smtp}, {@code submissions}, {@code imaps} …) is bound to. */
    public int port(String listener) {
        Listener l = listeners.get(listener);
        if (l == null) throw new IllegalArgumentException("no " + listener + " listener (is it off?)");
        return l.port();
    }

    public int webmailPort() { return webmail.port(); }

    /** The webmail's HTTPS port ({@code webmail.https-port}), when it is on. */
    public java.util.OptionalInt webmailHttpsPort() { return webmail.httpsPort(); }

    /** Stops accepting, ends every session, and closes the database. */
    @Override public void close() {
        webmail.close();
        listeners.values().forEach(Listener::close);
        relay.close();
        store.close();
        log.info("Pigeon stopped");
    }
}
