package org.switchboard.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** Boots and shuts down one embedded Derby database on disk. */
final class EmbeddedDerby {

    /** SQLState of the exception Derby throws when a single database has shut down as asked. */
    private static final String DATABASE_SHUT_DOWN = "08006";

    private EmbeddedDerby() {
    }

    /** Boots the database, creating it when the directory holds none, and returns its data source. */
    static DataSource boot(Path directory) throws SQLException {
        keepEngineLogBeside(directory);
        EmbeddedDataSource creating = dataSource(directory);
        creating.setCreateDatabase("create");
        creating.getConnection().close();
        // Later connections must not ask for "create": Derby would add a warning to each of them.
        return dataSource(directory);
    }

    /** Shuts the database down cleanly, so that it can be booted again in this or another JVM. */
    static void shutdown(Path directory) throws SQLException {
        EmbeddedDataSource stopping = dataSource(directory);
        stopping.setShutdownDatabase("shutdown");
        try {
            stopping.getConnection().close();
        } catch (SQLException e) {
            if (DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                return;
            }
            throw e;
        }
        throw new SQLException("Derby did not shut down the database at " + directory);
    }

    /**
     * Derby writes its engine log to the process's working directory unless told otherwise; the log belongs
     * with the data. The property is engine-wide, as Derby's engine is, so an operator's own setting wins.
     */
    private static void keepEngineLogBeside(Path directory) {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file",
                    directory.resolveSibling("derby.log").toAbsolutePath().toString());
        }
    }

    private static EmbeddedDataSource dataSource(Path directory) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.toString());
        return dataSource;
    }
}
