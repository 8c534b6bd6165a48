package pigeon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.flywaydb.core.Flyway;
import pigeon.protocol.delivery.DeliveryTarget;

/** The mailbox store: opens the database, applies the migrations, and hands out its parts. */
public final class MailStore implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final JdbcDirectory directory;
    private final JdbcMailboxes mailboxes;
    private final StoreDeliveryTarget deliveryTarget;

    private MailStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Jdbc jdbc = new Jdbc(dataSource);
        ChangeBus changes = new ChangeBus();
        this.mailboxes = new JdbcMailboxes(jdbc, changes);
        this.directory = new JdbcDirectory(jdbc, mailboxes);
        this.deliveryTarget = new StoreDeliveryTarget(jdbc, directory, mailboxes, changes);
    }

    /** Opens (creating if need be) the database and brings its schema up to date. */
    public static MailStore open(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setPoolName("pigeon-db");
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .placeholders(Map.of("blob", config.blobType())).failOnMissingLocations(true).load().migrate();
            return new MailStore(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    public Directory directory() { return directory; }
    public Mailboxes mailboxes() { return mailboxes; }
    /** Where SMTP delivers: local INBOXes and the outbound queue. */
    public DeliveryTarget deliveryTarget() { return deliveryTarget; }

    @Override public void close() { dataSource.close(); }
}
