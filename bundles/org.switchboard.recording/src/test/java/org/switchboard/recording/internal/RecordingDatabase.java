package org.switchboard.recording.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.SchemaMigrations;
import org.switchboard.store.internal.SchemaMigration;

/** A recording store on a real Derby database and a folder of WAV files, both temporary, with a clock to move. */
final class RecordingDatabase extends ExternalResource {

    private final TemporaryFolder folder;
    private String database;
    private Path directory;
    private WavFileStore store;
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    RecordingDatabase(TemporaryFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void before() throws Exception {
        Path root = folder.newFolder().toPath();
        database = root.resolve("db").toString();
        directory = root.resolve("recordings");
        EmbeddedDataSource creating = dataSource();
        creating.setCreateDatabase("create");
        creating.getConnection().close();
        store = new WavFileStore(dataSource(), migrations(), directory, clock);
    }

    @Override
    protected void after() {
        EmbeddedDataSource stopping = dataSource();
        stopping.setShutdownDatabase("shutdown");
        try {
            stopping.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
    }

    WavFileStore store() {
        return store;
    }

    Path directory() {
        return directory;
    }

    /** A second store on the same database and folder, as after the server restarts. */
    WavFileStore restarted() throws Exception {
        return new WavFileStore(dataSource(), migrations(), directory, clock);
    }

    /** Migrates as the store does in the server: the store's own migration code, on this database. */
    private SchemaMigrations migrations() {
        return (changelog, loader) -> {
            try (Connection connection = dataSource().getConnection()) {
                SchemaMigration.update(connection, changelog, loader, false);
            } catch (Exception e) {
                throw new StoreException(changelog + ": " + e.getMessage(), e);
            }
        };
    }

    private EmbeddedDataSource dataSource() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(database);
        return dataSource;
    }

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
