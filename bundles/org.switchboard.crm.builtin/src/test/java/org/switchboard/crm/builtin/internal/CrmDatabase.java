package org.switchboard.crm.builtin.internal;

import java.time.Instant;

import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;
import org.switchboard.store.testing.MovableClock;
import org.switchboard.store.testing.TemporaryDerby;

/** A built-in CRM on a real Derby database in a temporary folder, with a clock the test moves. */
final class CrmDatabase extends ExternalResource {

    private final TemporaryFolder folder;
    private TemporaryDerby derby;
    private DerbyCrm crm;
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));

    CrmDatabase(TemporaryFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void before() throws Exception {
        derby = TemporaryDerby.create(folder.newFolder().toPath().resolve("crm"));
        crm = new DerbyCrm(derby.dataSource(), derby.migrations(), clock);
    }

    @Override
    protected void after() {
        derby.shutdown();
    }

    DerbyCrm crm() {
        return crm;
    }

    /** A second CRM component on the same database, as after a bundle restart: migrates again. */
    DerbyCrm restarted() throws Exception {
        return new DerbyCrm(derby.dataSource(), derby.migrations(), clock);
    }
}
