package pigeon.store;

import java.nio.file.Path;

/**
 * Where the database is and how to reach it.
 *
 * @param blobType the SQL type for message content (the migrations' {@code ${blob}} placeholder)
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize, String blobType) {
    public StoreConfig {
        if (poolSize < 1) throw new IllegalArgumentException("database pool size must be at least 1");
    }

    /**
     * The embedded H2 database in {@code dir}. WRITE_DELAY=0 makes every commit reach the file
     * before the commit returns (H2 otherwise delays it up to 500 ms, and a killed process would
     * lose acknowledged mail). AUTO_SERVER lets the admin command line open the database while the
     * server runs.
     */
    public static StoreConfig h2File(Path dir, String password) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pigeon") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        return new StoreConfig(url, "pigeon", password, 16, "BLOB");
    }

    /** A private in-memory H2 database, for tests. */
    public static StoreConfig h2Memory(String name) {
        return new StoreConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "pigeon", "", 8, "BLOB");
    }
}
