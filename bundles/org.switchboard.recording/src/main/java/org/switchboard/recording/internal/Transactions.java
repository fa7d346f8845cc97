package org.switchboard.recording.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.switchboard.recording.RecordingException;

/** Runs work on one connection in one transaction: all of it is committed, or none of it. */
final class Transactions {

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param what what the work does, in words, for the message of the {@link RecordingException} a database failure
     *             becomes
     */
    <T> T run(String what, Work<T> work) {
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
            throw new RecordingException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
