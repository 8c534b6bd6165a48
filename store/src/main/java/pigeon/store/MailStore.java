package pigeon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.queue.OutboundQueue;

/** The mailbox store: opens the database, applies the migrations, and hands out its parts. */
public final class MailStore implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final JdbcDirectory directory;
    private final JdbcMailboxes mailboxes;
    private final JdbcOutboundQueue queue;
    private final ChangeBus changes;
    private final Jdbc jdbc;
    private final StoreDeliveryTarget deliveryTarget;

    private MailStore(HikariDataSource dataSource, java.util.Optional<String> flushSql, MessageAnalyzer analyzer) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource, flushSql);
        this.changes = new ChangeBus();
        this.mailboxes = new JdbcMailboxes(jdbc, changes, analyzer);
        this.directory = new JdbcDirectory(jdbc, mailboxes);
        this.queue = new JdbcOutboundQueue(jdbc, mailboxes);
        this.deliveryTarget = deliveryTargetFor(DeliveryPolicy.DEFAULT);
    }

    /** Opens the store with no {@link MessageAnalyzer}: messages get no description (tests, admin commands). */
    public static MailStore open(StoreConfig config) { return open(config, MessageAnalyzer.NONE); }

    /**
     * Opens (creating if need be) the database and brings its schema up to date. {@code analyzer}
     * describes each message as it is delivered or appended, before the transaction that stores it;
     * it is called from many threads at once. If it fails, the message is stored without a description.
     */
    public static MailStore open(StoreConfig config, MessageAnalyzer analyzer) {
        java.util.Objects.requireNonNull(analyzer, "analyzer");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setPoolName("pigeon-db");
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            if (!hasEveryMigration(ds)) {
                Flyway.configure().dataSource(ds).locations("classpath:" + MIGRATIONS)
                        .placeholders(Map.of("blob", config.blobType(), "varbinary", config.varbinaryType())).failOnMissingLocations(true).load().migrate();
            }
            return new MailStore(ds, config.flushSql(), analyzer);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static final String MIGRATIONS = "db/migration";
    /** Flyway's table of applied migrations (its default name, in lower case on every database). */
    private static final String HISTORY = "flyway_schema_history";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql");

    /**
     * Whether the database has had exactly the migrations this build carries applied, all with
     * success: then Flyway has nothing to do, and starting it would cost some half a second (most of
     * it loading its classes and Jackson's). Anything else (a new database, a pending, failed or
     * unknown migration, a file Flyway would read differently) is Flyway's to decide, as always.
     */
    static boolean hasEveryMigration(DataSource ds) {
        Optional<Set<String>> shipped = shippedVersions();
        if (shipped.isEmpty()) return false;
        Set<String> applied = new HashSet<>();
        try (Connection c = ds.getConnection()) {
            try (ResultSet t = c.getMetaData().getTables(null, null, HISTORY, null)) {
                if (!t.next()) return false;  // a new database
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\"")) {
                while (r.next()) {
                    if (!r.getBoolean(2)) return false;
                    if (r.getString(1) != null) applied.add(r.getString(1));  // a row without one marks a schema Flyway made
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return applied.equals(shipped.get());
    }

    /** The versions of the migration files on the class path (V4__x.sql: "4", V1_2__x.sql: "1.2"); empty if unsure. */
    private static Optional<Set<String>> shippedVersions() {
        try {
            List<URL> found = Collections.list(MailStore.class.getClassLoader().getResources(MIGRATIONS));
            if (found.size() != 1) return Optional.empty();
            List<String> names = new ArrayList<>();
            URLConnection connection = found.get(0).openConnection();
            if (connection instanceof JarURLConnection jar) {
                connection.setUseCaches(true);
                String prefix = MIGRATIONS + "/";
                for (JarEntry e : Collections.list(jar.getJarFile().entries())) {
                    if (e.getName().startsWith(prefix) && e.getName().length() > prefix.length()) names.add(e.getName().substring(prefix.length()));
                }
            } else if (found.get(0).getProtocol().equals("file")) {
                try (var files = Files.list(Path.of(found.get(0).toURI()))) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            } else {
                return Optional.empty();
            }
            Set<String> versions = new HashSet<>();
            for (String name : names) {
                Matcher m = VERSIONED.matcher(name);
                if (!m.matches()) return Optional.empty();
                versions.add(m.group(1).replace('_', '.'));
            }
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Directory directory() { return directory; }
    public Mailboxes mailboxes() { return mailboxes; }
    /** Where SMTP delivers: local INBOXes and the outbound queue, with {@link DeliveryPolicy#DEFAULT}. */
    public DeliveryTarget deliveryTarget() { return deliveryTarget; }

    /** Where SMTP delivers, judging messages by {@code policy}. */
    public DeliveryTarget deliveryTarget(DeliveryPolicy policy) {
        return policy.equals(DeliveryPolicy.DEFAULT) ? deliveryTarget : deliveryTargetFor(policy);
    }

    /** Mail for remote domains, committed by deliveries and drained by the relay. */
    public OutboundQueue queue() { return queue; }

    private StoreDeliveryTarget deliveryTargetFor(DeliveryPolicy policy) {
        return new StoreDeliveryTarget(jdbc, directory, mailboxes, queue, changes, policy);
    }

    @Override public void close() { dataSource.close(); }
}
