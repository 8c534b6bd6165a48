package pigeon.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is and how to reach it.
 *
 * @param blobType the SQL type for message content (the migrations' {@code ${blob}} placeholder)
 * @param varbinaryType the SQL type for small binary values such as message descriptions (the
 *                 migrations' {@code ${varbinary}} placeholder: VARBINARY on H2, BYTEA on PostgreSQL)
 * @param flushSql what makes committed transactions durable when the database does not do it at
 *                 commit (an embedded H2 file); empty where commit is already durable
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize, String blobType, String varbinaryType,
                          Optional<String> flushSql) {
    public StoreConfig {
        if (poolSize < 1) throw new IllegalArgumentException("database pool size must be at least 1");
    }

    public StoreConfig withPoolSize(int size) { return new StoreConfig(jdbcUrl, user, password, size, blobType, varbinaryType, flushSql); }

    /**
     * The embedded H2 database in {@code dir}. H2 writes committed transactions to its file up to
     * WRITE_DELAY (500 ms) later, and never fsyncs on its own. The store runs {@code CHECKPOINT SYNC}
     * after its commits (one shared between concurrent ones) before it answers: in H2 2.x that is
     * the MVStore's commit (the write) followed by {@code FileChannel.force(true)} (fsync), so that
     * neither a killed process nor an operating-system crash or power cut loses acknowledged mail.
     * (Plain CHECKPOINT only writes: the data would sit in the page cache.) AUTO_SERVER lets the
     * admin command line open the database while the server runs. LOCK_TIMEOUT: a session waits up
     * to 10 s for a mailbox another one is changing (a large MOVE) before it gives up.
     * QUERY_CACHE_SIZE: each connection keeps this many parsed statements (H2's default, 8, is fewer
     * than one SMTP delivery runs, so every statement was parsed again each time).
     */
    public static StoreConfig h2File(Path dir, String password) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pigeon") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=128";
        return new StoreConfig(url, "pigeon", password, 16, "BLOB", "VARBINARY", Optional.of("CHECKPOINT SYNC"));
    }

    /** A private in-memory H2 database, for tests. */
    public static StoreConfig h2Memory(String name) {
        return new StoreConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "pigeon", "", 8, "BLOB", "VARBINARY", Optional.empty());
    }
}
