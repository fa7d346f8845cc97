package org.switchboard.store.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.SchemaMigrations;
import org.switchboard.store.internal.SchemaMigration;

/**
 * A real embedded Derby database in a folder a test gives, for the unit tests of the bundles that keep their tables
 * in the server's database (the built-in CRM, the recording); published in this module's test-jar.
 */
public final class TemporaryDerby {
    private final String directory;

    private TemporaryDerby(Path directory) {
        this.directory = directory.toString();
    }

    /** Creates the database in {@code directory}. */
    public static TemporaryDerby create(Path directory) throws SQLException {
        TemporaryDerby derby = new TemporaryDerby(directory);
        EmbeddedDataSource creating = derby.dataSource();
        creating.setCreateDatabase("create");
        creating.getConnection().close();
        return derby;
    }

    /** A new data source on the database, as the server's store hands out. */
    public EmbeddedDataSource dataSource() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory);
        return dataSource;
    }

    /** Migrates as the store does in the server: the store's own migration code, on this database. */
    public SchemaMigrations migrations() {
        return (changelog, loader) -> {
            try (Connection connection = dataSource().getConnection()) {
                SchemaMigration.update(connection, changelog, loader, false);
            } catch (Exception e) {
                throw new StoreException(changelog + ": " + e.getMessage(), e);
            }
        };
    }

    /** Shuts the database down, so that the next test's database is a new one. */
    public void shutdown() {
        EmbeddedDataSource stopping = dataSource();
        stopping.setShutdownDatabase("shutdown");
        try {
            stopping.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
    }
}
