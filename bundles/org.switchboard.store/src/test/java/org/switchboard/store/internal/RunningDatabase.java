package org.switchboard.store.internal;

import java.io.File;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

/** A real Switchboard database on disk in a temporary folder, activated before and deactivated after a test. */
final class RunningDatabase extends ExternalResource {

    private final TemporaryFolder folder;
    private File derbyHome;
    private SwitchboardDatabase database;

    RunningDatabase(TemporaryFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void before() throws Exception {
        derbyHome = folder.newFolder("derby");
        start();
    }

    @Override
    protected void after() {
        try {
            stop();
        } catch (SQLException e) {
            throw new AssertionError("the database did not shut down cleanly", e);
        }
    }

    /** Makes the database refuse rows whose column holds this value, as a real database may refuse a write. */
    void refuseRowsWith(String table, String column, String value) throws SQLException {
        try (java.sql.Connection connection = connections().open();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT refuse_" + column + " CHECK (" + column
                    + " <> '" + value + "')");
        }
    }

    ConnectionSource connections() {
        return database;
    }

    SwitchboardDatabase component() {
        return database;
    }

    Path directory() {
        return derbyHome.toPath().resolve("switchboard");
    }

    /** Shuts the database down and boots it again on the same directory, as a bundle restart does. */
    void restart() throws Exception {
        stop();
        start();
    }

    void stop() throws SQLException {
        if (database != null) {
            SwitchboardDatabase running = database;
            database = null;
            running.deactivate();
        }
    }

    void start() throws Exception {
        SwitchboardDatabase starting = new SwitchboardDatabase();
        starting.activate(TestConfigs.config(derbyHome.getPath(), "switchboard"));
        database = starting;
    }
}
