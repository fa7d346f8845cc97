package org.switchboard.crm.builtin.internal;

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

/** A built-in CRM on a real Derby database in a temporary folder, with a clock the test moves. */
final class CrmDatabase extends ExternalResource {

    private final TemporaryFolder folder;
    private String directory;
    private DerbyCrm crm;
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    CrmDatabase(TemporaryFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void before() throws Exception {
        directory = folder.newFolder().toPath().resolve("crm").toString();
        EmbeddedDataSource creating = dataSource();
        creating.setCreateDatabase("create");
        creating.getConnection().close();
        crm = new DerbyCrm(dataSource(), migrations(), clock);
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

    DerbyCrm crm() {
        return crm;
    }

    /** A second CRM component on the same database, as after a bundle restart: migrates again. */
    DerbyCrm restarted() throws Exception {
        return new DerbyCrm(dataSource(), migrations(), clock);
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
        dataSource.setDatabaseName(directory);
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
