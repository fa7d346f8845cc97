package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.call.StoreException;

public class DerbyAuditLogTest {

    private static final Instant AT = Instant.parse("2024-05-02T08:00:00.250Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyAuditLog audit;

    @Before
    public void createLog() {
        audit = new DerbyAuditLog(database.connections());
    }

    @Test
    public void recordedEntriesComeBackNewestFirstWithWhoWhatAndWhen() {
        AuditEntry login = new AuditEntry(AT, "karaf", "agent-login", "agent 1001 to support");
        AuditEntry pause = new AuditEntry(AT.plusSeconds(5), "supervisor", "agent-pause", "agent 1001, reason lunch");
        AuditEntry sameInstant = new AuditEntry(AT.plusSeconds(5), "karaf", "backup", "database to /tmp/b");
        audit.record(login);
        audit.record(pause);
        audit.record(sameInstant);

        assertEquals(List.of(sameInstant, pause, login), audit.recent(10));
        assertEquals(List.of(sameInstant), audit.recent(1));
        assertTrue(audit.recent(0).isEmpty());
    }

    @Test
    public void longDetailIsCutRatherThanRefused() {
        audit.record(new AuditEntry(AT, "karaf", "strategy-set", "x".repeat(5000)));

        String kept = audit.recent(1).get(0).detail();
        assertEquals(1000, kept.length());
        assertTrue(kept.endsWith("…"));
    }

    @Test
    public void entriesSurviveARestartOfTheDatabase() throws Exception {
        AuditEntry logout = new AuditEntry(AT, "karaf", "agent-logout", "agent 1002");
        audit.record(logout);

        database.restart();

        assertEquals(List.of(logout), new DerbyAuditLog(database.connections()).recent(10));
    }

    @Test
    public void refusedEntryThrowsStoreException() throws Exception {
        database.refuseRowsWith("audit_entry", "who", "mallory");

        assertThrows(StoreException.class,
                () -> audit.record(new AuditEntry(AT, "mallory", "agent-login", "agent 1001")));
        assertTrue(audit.recent(10).isEmpty());
    }
}
