package pigeon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
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
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .placeholders(Map.of("blob", config.blobType(), "varbinary", config.varbinaryType())).failOnMissingLocations(true).load().migrate();
            return new MailStore(ds, config.flushSql(), analyzer);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
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
