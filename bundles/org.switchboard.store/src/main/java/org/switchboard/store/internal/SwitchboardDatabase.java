package org.switchboard.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.SchemaMigrations;

/**
 * The embedded Derby database of Switchboard: boots it and brings its schema up to date on activation, shuts it
 * down on deactivation, and hands out its connections in between.
 */
// Immediate: a delayed component would be shut down, and later booted and migrated again, whenever its
// last user went away.
@Component(configurationPid = SwitchboardDatabase.PID, service = { ConnectionSource.class, DataSource.class,
    SchemaMigrations.class },
        property = "dataSourceName=switchboard", immediate = true)
@Designate(ocd = SwitchboardDatabaseConfig.class)
public class SwitchboardDatabase extends ForwardingDataSource implements ConnectionSource, SchemaMigrations {

    static final String PID = "org.switchboard.store";

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardDatabase.class);

    private Path directory;
    private volatile DataSource dataSource;

    @Activate
    void activate(SwitchboardDatabaseConfig config) throws Exception {
        directory = DatabaseLocation.of(config, System.getProperty("karaf.data"));
        createParentDirectories(directory);
        // Durability: Derby syncs its log to disk at every commit (the default, never changed here), so what a
        // store method has returned is on disk even after kill -9. derby.system.durability=test would skip the
        // syncs; it is not set anywhere in Switchboard, and an operator who sets it is told at every boot.
        DurabilityCheck.problem(System.getProperties())
                .ifPresent(problem -> LOG.error("Derby durability is off: {}", problem));
        DataSource booted = EmbeddedDerby.boot(directory);
        try (Connection connection = booted.getConnection()) {
            SchemaMigration.update(connection);
        } catch (Exception e) {
            shutDownAfterFailure();
            throw new IllegalStateException("Cannot migrate the schema of the database at " + directory, e);
        }
        dataSource = booted;
        LOG.info("Switchboard database ready at {}", directory);
    }

    @Override
    public synchronized void migrate(String changelog, ClassLoader resources) {
        try (Connection connection = getConnection()) {
            SchemaMigration.update(connection, changelog, resources, false);
        } catch (Exception e) {
            throw new StoreException("changelog " + changelog + " could not be applied: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() throws SQLException {
        dataSource = null;
        EmbeddedDerby.shutdown(directory);
        LOG.info("Switchboard database at {} shut down", directory);
    }

    @Override
    public Connection open() throws SQLException {
        return getConnection();
    }

    @Override
    protected DataSource delegate() throws SQLException {
        DataSource current = dataSource;
        if (current == null) {
            throw new SQLException("The Switchboard database is not running", "08003");
        }
        return current;
    }

    private static void createParentDirectories(Path directory) throws IOException {
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private void shutDownAfterFailure() {
        try {
            EmbeddedDerby.shutdown(directory);
        } catch (SQLException e) {
            LOG.warn("Cannot shut down the database at {} after the failed migration", directory, e);
        }
    }
}
