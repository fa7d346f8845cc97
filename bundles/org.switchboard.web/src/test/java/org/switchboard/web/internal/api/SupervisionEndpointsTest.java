package org.switchboard.web.internal.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/** A supervisor listens in on, whispers to and barges in on an agent's call through the API, and leaves. */
public class SupervisionEndpointsTest {
    private static final Instant AT = Instant.parse("2024-05-06T09:00:00Z");

    private final FakeCallControl control = new FakeCallControl().connected("c1", "1001").registered("1001")
            .registered("1002");
    private final InMemoryCallRecords records = new InMemoryCallRecords()
            .with(CallDetailRecord.arrived("c1", "+15550100", "4000", "support", AT).answered("1001", AT))
            .with(CallDetailRecord.arrived("c2", "+15550101", "4000", "support", AT));
    private final InMemoryOperations.Audit auditLog = new InMemoryOperations.Audit();
    private final FakeBackends backends = FakeBackends.withDemoUsers().withCallControl(control)
            .withCallRecords(records).withAuditLog(auditLog);
    private final Router router = ApiRoutes.build(backends);
    private final ApiClient supervisor = ApiClient.login(backends, router, "supervisor", "supervisor");

    @Test
    public void aSupervisorListensInAndTheListShowsThePhoneRingingUntilItAnswers() {
        ApiResponse asked = supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"1002\",\"mode\":\"listen\"}");

        assertEquals(asked.json().toString(), 202, asked.status());
        assertEquals(List.of("supervise c1 1002 LISTEN"), control.requests);
        assertEquals(List.of(Map.of("callId", "c1", "extension", "1002", "mode", "listen", "connected", false)),
                supervisor.get("/supervisions").json());

        control.answer("c1", "1002");

        assertEquals(List.of(Map.of("callId", "c1", "extension", "1002", "mode", "listen", "connected", true)),
                supervisor.get("/supervisions").json());
    }

    @Test
    public void askingAgainForTheSamePhoneChangesTheMode() {
        supervisor.send("POST", "/calls/c1/supervision", "{\"extension\":\"1002\",\"mode\":\"listen\"}");
        control.answer("c1", "1002");

        ApiResponse changed = supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"1002\",\"mode\":\"barge\"}");

        assertEquals(202, changed.status());
        assertEquals("barge", ApiClient.field(changed, "mode"));
        assertEquals(List.of(Map.of("callId", "c1", "extension", "1002", "mode", "barge", "connected", true)),
                supervisor.get("/supervisions").json());
    }

    @Test
    public void supervisingAndLeavingAreAuditedWithCallPhoneAndMode() {
        supervisor.send("POST", "/calls/c1/supervision", "{\"extension\":\"1002\",\"mode\":\"whisper\"}");

        ApiResponse left = supervisor.send("DELETE", "/calls/c1/supervision/1002", "");

        assertEquals(202, left.status());
        assertEquals(List.of("supervise c1 1002 WHISPER", "endSupervision c1 1002"), control.requests);
        assertEquals(List.of(), supervisor.get("/supervisions").json());
        assertEquals(List.of("web:supervisor call-supervise c1 1002 whisper",
                "web:supervisor call-supervision-end c1 1002"), callAudit());
    }

    @Test
    public void aMissingExtensionOrAnUnknownModeGets400NamingItAndAsksNothingOfTheSipEdge() {
        assertBadField("extension", supervisor.send("POST", "/calls/c1/supervision", "{\"mode\":\"listen\"}"));
        assertBadField("extension", supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"  \",\"mode\":\"listen\"}"));
        assertBadField("extension", supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"10 02\",\"mode\":\"listen\"}"));
        assertBadField("mode", supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"1002\",\"mode\":\"spy\"}"));
        assertBadField("mode", supervisor.send("POST", "/calls/c1/supervision", "{\"extension\":\"1002\"}"));
        assertBadField("modus", supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"1002\",\"modus\":\"listen\"}"));

        assertEquals(List.of(), control.requests);
        assertEquals(List.of(), callAudit());
    }

    @Test
    public void anUnknownCallGets404AndWhatTheSipEdgeRefusesGets409WithItsReason() {
        assertEquals(404, supervisor.send("POST", "/calls/nope/supervision",
                "{\"extension\":\"1002\",\"mode\":\"listen\"}").status());

        ApiResponse notConnected = supervisor.send("POST", "/calls/c2/supervision",
                "{\"extension\":\"1002\",\"mode\":\"listen\"}");
        ApiResponse notRegistered = supervisor.send("POST", "/calls/c1/supervision",
                "{\"extension\":\"1009\",\"mode\":\"listen\"}");

        assertEquals(409, notConnected.status());
        assertEquals("call c2 is not connected to an agent", ApiClient.field(notConnected, "error"));
        assertEquals(409, notRegistered.status());
        assertEquals("extension 1009 has no registered phone", ApiClient.field(notRegistered, "error"));
        assertEquals(List.of(), callAudit());
    }

    @Test
    public void leavingACallThePhoneDoesNotSuperviseGets404() {
        ApiResponse answer = supervisor.send("DELETE", "/calls/c1/supervision/1002", "");

        assertEquals(404, answer.status());
        assertTrue(answer.json().toString(), ApiClient.field(answer, "error").toString().contains("1002"));
        assertEquals(List.of(), control.requests);
    }

    @Test
    public void anAdminSupervisesTooButAnAgentMayNot() {
        ApiClient admin = ApiClient.login(backends, router, "karaf", "karaf");
        ApiClient agent = ApiClient.login(backends, router, "1001", "agent1001");
        String body = "{\"extension\":\"1002\",\"mode\":\"listen\"}";

        assertEquals(403, agent.get("/supervisions").status());
        assertEquals(403, agent.send("POST", "/calls/c1/supervision", body).status());
        assertEquals(403, agent.send("DELETE", "/calls/c1/supervision/1002", "").status());
        assertEquals(List.of(), control.requests);

        assertEquals(202, admin.send("POST", "/calls/c1/supervision", body).status());
        assertEquals(1, ((List<?>) admin.get("/supervisions").json()).size());
    }

    @Test
    public void withoutTheSipEdgeTheSupervisionsAre503() {
        FakeBackends withoutEdge = FakeBackends.withDemoUsers().withCallRecords(records);
        Router withoutEdgeRouter = ApiRoutes.build(withoutEdge);
        ApiClient client = ApiClient.login(withoutEdge, withoutEdgeRouter, "supervisor", "supervisor");

        assertEquals(503, client.get("/supervisions").status());
        assertEquals(503, client.send("POST", "/calls/c1/supervision", "{\"extension\":\"1002\",\"mode\":\"listen\"}")
                .status());
    }

    /** The audit entries of call actions (logging in is audited too). */
    private List<String> callAudit() {
        return auditLog.entries.stream().filter(entry -> entry.action().startsWith("call-"))
                .map(entry -> entry.who() + " " + entry.action() + " " + entry.detail()).toList();
    }

    private static void assertBadField(String field, ApiResponse answer) {
        assertEquals(answer.json().toString(), 400, answer.status());
        assertEquals(field, ApiClient.field(answer, "field"));
    }
}
