package pigeon.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs work in a transaction on a pooled connection, turning SQL failures into StoreException.
 *
 * <p>{@link #tx} returns only once the transaction is durable. On an embedded database that is
 * a flush after the commit ({@code flushSql}: a write and an fsync), done as a group commit: the
 * first transaction to arrive flushes for every transaction committed before its flush began, the
 * others wait for that flush and share it, so concurrent SMTP sessions pay one fsync between them
 * instead of one each. {@link #read} skips the flush.
 */
final class Jdbc {
    @FunctionalInterface interface Work<T> { T run(Connection c) throws SQLException; }

    /** SQLSTATE for a unique-constraint violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Optional<String> flushSql;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private long committed, durable;  // commit tickets handed out, and covered by a finished flush
    private boolean flushing;

    Jdbc(DataSource dataSource, Optional<String> flushSql) {
        this.dataSource = dataSource;
        this.flushSql = flushSql;
    }

    /** A transaction that changes something: durable when this returns. */
    <T> T tx(String what, Work<T> work) { return run(what, work, true); }

    /**
     * A transaction that changes only what can be computed again (a message's description): it
     * commits but does not wait for a flush, so a crash may lose it and nothing else.
     */
    <T> T cacheTx(String what, Work<T> work) { return run(what, work, false); }

    /** A transaction that only reads. */
    <T> T read(String what, Work<T> work) { return run(what, work, false); }

    private <T> T run(String what, Work<T> work, boolean durable) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            // Back in auto-commit before the flush: a statement run outside a transaction leaves the
            // connection clean, so the pool does not roll it back when it is returned, and H2 keeps
            // this session's parsed statements (a rollback empties its statement cache).
            c.setAutoCommit(true);
            if (durable && flushSql.isPresent()) awaitFlush(c);
            return result;
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private void awaitFlush(Connection c) throws SQLException {
        lock.lock();
        try {
            long ticket = ++committed;
            while (durable < ticket) {
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long upTo = committed;  // every ticket so far was committed before this flush starts
                boolean ok = false;
                lock.unlock();
                try (Statement s = c.createStatement()) {
                    s.execute(flushSql.get());
                    ok = true;
                } finally {
                    lock.lock();
                    flushing = false;
                    if (ok) durable = Math.max(durable, upTo);
                    flushed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    Connection open() throws SQLException { return dataSource.getConnection(); }
}
