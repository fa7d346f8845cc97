package org.switchboard.web.internal.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/** The audit log, SIP lockouts and backups through the API, as callcenter:audit, lockouts and backup do them. */
public class OperatorEndpointsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final InMemoryOperations.Audit auditLog = new InMemoryOperations.Audit();
    private final InMemoryOperations.Guard guard = new InMemoryOperations.Guard().lockOut("203.0.113.9", 12);
    private final FakeBackends backends = FakeBackends.withDemoUsers().withAuditLog(auditLog).withSourceGuard(guard);
    private final Router router = ApiRoutes.build(backends);
    private final ApiClient admin = ApiClient.login(backends, router, "karaf", "karaf");
    private final ApiClient supervisor = ApiClient.login(backends, router, "supervisor", "supervisor");

    @Test
    public void aSupervisorSeesTheLockoutsAndAnAdminLiftsOne() {
        ApiResponse listed = supervisor.get("/lockouts");
        assertEquals(200, listed.status());
        Map<?, ?> lockout = (Map<?, ?>) ((List<?>) listed.json()).get(0);
        assertEquals("203.0.113.9", lockout.get("source"));
        assertEquals(12, lockout.get("failures"));

        ApiResponse lifted = admin.send("DELETE", "/lockouts/203.0.113.9", "");

        assertEquals(200, lifted.status());
        assertEquals(true, ApiClient.field(lifted, "lifted"));
        assertEquals(List.of(), supervisor.get("/lockouts").json());
        assertEquals(403, supervisor.send("DELETE", "/lockouts/203.0.113.9", "").status());
    }

    @Test
    public void liftingASourceThatIsNotLockedOutSaysSo() {
        ApiResponse answer = admin.send("DELETE", "/lockouts/198.51.100.1", "");

        assertEquals(200, answer.status());
        assertEquals(false, ApiClient.field(answer, "lifted"));
    }

    @Test
    public void aSourceThatIsNotAnAddressGets400NamingIt() {
        ApiResponse answer = admin.send("DELETE", "/lockouts/not-an-address", "");

        assertEquals(400, answer.status());
        assertEquals("source", ApiClient.field(answer, "field"));
        assertEquals(1, guard.lockouts().size());
    }

    @Test
    public void theAuditLogShowsWhatWasDoneThroughTheApiNewestFirst() {
        admin.send("DELETE", "/lockouts/203.0.113.9", "");
        admin.send("DELETE", "/lockouts/198.51.100.1", "");

        ApiResponse answer = supervisor.get("/audit", Map.of("limit", "1"));

        assertEquals(200, answer.status());
        List<?> entries = (List<?>) answer.json();
        assertEquals(1, entries.size());
        Map<?, ?> newest = (Map<?, ?>) entries.get(0);
        assertEquals("web:karaf", newest.get("who"));
        assertEquals("lockout-clear", newest.get("action"));
        assertEquals("198.51.100.1 (was not locked out)", newest.get("detail"));
    }

    @Test
    public void anAuditLimitOutOfRangeGets400NamingIt() {
        assertEquals("limit", ApiClient.field(supervisor.get("/audit", Map.of("limit", "0")), "field"));
        assertEquals("limit", ApiClient.field(supervisor.get("/audit", Map.of("limit", "many")), "field"));
    }

    @Test
    public void anAdminBacksTheDatabaseUpIntoANewFolderAndItIsAudited() throws Exception {
        Path parent = temp.newFolder("backups").toPath();
        backends.withDatabaseBackup(new InMemoryOperations.Backup(parent));

        ApiResponse answer = admin.send("POST", "/admin/backup", "{\"folder\":\"" + parent + "\"}");

        assertEquals(answer.json().toString(), 200, answer.status());
        Path folder = Path.of((String) ApiClient.field(answer, "folder"));
        assertEquals(parent, folder.getParent());
        assertTrue(Files.isRegularFile(folder.resolve("switchboard.db")));
        assertEquals(10L, ((Number) ApiClient.field(answer, "bytes")).longValue());
        assertEquals("backup", auditLog.entries.get(auditLog.entries.size() - 1).action());
    }

    @Test
    public void aBackupTheStoreCannotMakeIsRefusedWith409AndNotAudited() throws Exception {
        Path notAFolder = temp.newFile("occupied").toPath();
        backends.withDatabaseBackup(new InMemoryOperations.Backup(notAFolder));

        ApiResponse answer = admin.send("POST", "/admin/backup", "");

        assertEquals(409, answer.status());
        assertFalse(auditLog.entries.stream().anyMatch(entry -> entry.action().equals("backup")));
    }

    @Test
    public void aBackupWithAnUnknownFieldGets400NamingIt() {
        ApiResponse answer = admin.send("POST", "/admin/backup", "{\"fodler\":\"x\"}");

        assertEquals(400, answer.status());
        assertEquals("fodler", ApiClient.field(answer, "field"));
    }

    @Test
    public void recordingsWithABadSinceGet400AndWithoutTheStore503() {
        assertEquals("since", ApiClient.field(supervisor.get("/recordings", Map.of("since", "yesterday")), "field"));
        assertEquals(503, supervisor.get("/recordings").status());
        assertEquals(503, supervisor.get("/phones").status());
        assertEquals(503, supervisor.get("/calls/c1/why").status());
    }

    @Test
    public void anAgentMayNotSeeTheOperatorsViews() {
        ApiClient agent = ApiClient.login(backends, router, "1001", "agent1001");

        for (String path : List.of("/audit", "/lockouts", "/phones", "/recordings", "/calls/c1/why")) {
            assertEquals(path, 403, agent.get(path).status());
        }
    }
}
