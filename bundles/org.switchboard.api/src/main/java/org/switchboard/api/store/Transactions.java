package org.switchboard.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiFunction;

import javax.sql.DataSource;

/**
 * Runs work on one connection in one transaction: all of it is committed, or none of it. A database failure
 * becomes the runtime exception of the bundle that uses it, with what the work does in its message.
 *
 * @since 1.2
 */
public final class Transactions {

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final BiFunction<String, SQLException, RuntimeException> failure;

    /**
     * @param failure makes the exception a database failure is thrown as, from a message ("Cannot WHAT: why") and
     *                the cause
     */
    public Transactions(DataSource dataSource, BiFunction<String, SQLException, RuntimeException> failure) {
        this.dataSource = dataSource;
        this.failure = failure;
    }

    /**
     * @param what what the work does, in words, for the message of the exception a database failure becomes
     */
    public <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure.apply("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
