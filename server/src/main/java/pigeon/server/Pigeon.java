package pigeon.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.pop3.Pop3Server;
import pigeon.pop3.StoreMaildrops;
import pigeon.protocol.net.Listener;
import pigeon.protocol.sasl.Authenticator;
import pigeon.smtp.SmtpServer;
import pigeon.store.MailStore;
import pigeon.store.StoreConfig;

/** The running mail system: the store and every listener, wired by hand. */
public final class Pigeon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pigeon.class);

    private final MailStore store;
    private final Listener smtp;
    private final Listener pop3;

    private Pigeon(MailStore store, Listener smtp, Listener pop3) {
        this.store = store;
        this.smtp = smtp;
        this.pop3 = pop3;
    }

    public static Pigeon start(PigeonConfig config) throws IOException {
        MailStore store = openStore(config.dataDir(), config.dbPoolSize());
        Listener smtp = null;
        try {
            if (store.directory().domains().isEmpty()) {
                config.initialDomains().forEach(store.directory()::addDomain);
                log.info("first start: created domain(s) {}", config.initialDomains());
            }
            smtp = Listener.start(config.smtpListener(), new SmtpServer(config.smtp(), store.deliveryTarget(config.delivery()), authenticator(store)));
            Listener pop3 = Listener.start(config.pop3Listener(),
                    new Pop3Server(config.pop3(), new StoreMaildrops(store.directory(), store.mailboxes())));
            log.info("Pigeon ready: data in {}, SMTP port {}, POP3 port {}, domains {}",
                    config.dataDir().toAbsolutePath(), smtp.port(), pop3.port(), store.directory().domains());
            return new Pigeon(store, smtp, pop3);
        } catch (IOException | RuntimeException e) {
            if (smtp != null) smtp.close();
            store.close();
            throw e;
        }
    }

    /** Logins of every protocol: the account's address (or an alias) and its password. */
    private static Authenticator authenticator(MailStore store) {
        return (user, password) -> store.directory().authenticate(user, password).map(a -> a.address().toString());
    }

    /** Opens the data directory's database, creating both (and the database secret) on first use. */
    static MailStore openStore(Path dataDir, int poolSize) throws IOException {
        Files.createDirectories(dataDir);
        return MailStore.open(StoreConfig.h2File(dataDir, databaseSecret(dataDir)).withPoolSize(poolSize));
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
    public int smtpPort() { return smtp.port(); }
    public int pop3Port() { return pop3.port(); }

    /** Stops accepting, ends every session, and closes the database. */
    @Override public void close() {
        smtp.close();
        pop3.close();
        store.close();
        log.info("Pigeon stopped");
    }
}
