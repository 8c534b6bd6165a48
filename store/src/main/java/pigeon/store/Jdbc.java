package pigeon.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in a transaction on a pooled connection, turning SQL failures into StoreException. */
final class Jdbc {
    @FunctionalInterface interface Work<T> { T run(Connection c) throws SQLException; }

    /** SQLSTATE for a unique-constraint violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) { this.dataSource = dataSource; }

    <T> T tx(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    Connection open() throws SQLException { return dataSource.getConnection(); }
}
