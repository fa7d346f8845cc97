package org.switchboard.web.internal.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;
import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Route;
import org.switchboard.web.internal.http.Router;

/** The whole API's routes with the session, CSRF and role checks, without the call-center services behind them. */
public class ApiAccessTest {

    private final FakeBackends backends = FakeBackends.withDemoUsers();
    private final Router router = ApiRoutes.build(backends);

    @Test
    public void loginAnswersTheSessionAndAnHttpOnlySameSiteCookie() {
        ApiResponse answer = send("POST", "/session", "{\"username\":\"1001\",\"password\":\"agent1001\"}", null,
                null);

        assertEquals(200, answer.status());
        Map<?, ?> body = (Map<?, ?>) answer.json();
        assertEquals("1001", body.get("username"));
        assertEquals("1001", body.get("agentId"));
        assertEquals(java.util.List.of("agent"), body.get("roles"));
        assertNotNull(body.get("csrfToken"));
        String cookie = answer.headers().get("Set-Cookie");
        assertTrue(cookie, cookie.startsWith("SB_SESSION="));
        assertTrue(cookie, cookie.contains("HttpOnly"));
        assertTrue(cookie, cookie.contains("SameSite=Strict"));
    }

    @Test
    public void wrongPasswordAndUnknownUserGetTheSame401() {
        ApiResponse wrong = send("POST", "/session", "{\"username\":\"1001\",\"password\":\"nope\"}", null, null);
        ApiResponse unknown = send("POST", "/session", "{\"username\":\"ghost\",\"password\":\"nope\"}", null, null);

        assertEquals(401, wrong.status());
        assertEquals(wrong.json(), unknown.json());
    }

    @Test
    public void anonymousGets401OnEveryRouteButLoginAndTheDocument() {
        for (Route route : router.routes()) {
            ApiResponse answer = send(route.method(), concrete(route.pattern()), "{}", null, null);
            boolean open = route.pattern().equals("/openapi.json") || route.toString().equals("POST /session");
            if (!open) {
                assertEquals(route.toString(), 401, answer.status());
            }
        }
        assertEquals(200, send("GET", "/openapi.json", "", null, null).status());
    }

    @Test
    public void anAgentGets403OnEverySupervisorAndAdminRoute() {
        WebSession agent = login("1001", "agent1001");
        for (Route route : router.routes()) {
            if (!route.access().anonymous() && !route.access().roles().isEmpty()) {
                ApiResponse answer = send(route.method(), concrete(route.pattern()), "{}", agent, agent.csrfToken());
                assertEquals(route.toString(), 403, answer.status());
            }
        }
    }

    @Test
    public void aSupervisorGets403OnAdminRoutesOnly() {
        WebSession supervisor = login("supervisor", "supervisor");

        assertEquals(403, send("PUT", "/queues/support/strategy", "{\"strategy\":\"random\"}", supervisor,
                supervisor.csrfToken()).status());
        assertEquals(403, send("GET", "/admin/users", "", supervisor, null).status());
        // allowed through, then answered without a distributor or SIP edge running
        assertEquals(503, send("GET", "/agents", "", supervisor, null).status());
        assertEquals(503, send("GET", "/supervisions", "", supervisor, null).status());
    }

    @Test
    public void anAgentMayNotSuperviseCalls() {
        WebSession agent = login("1001", "agent1001");

        assertEquals(403, send("GET", "/supervisions", "", agent, null).status());
        assertEquals(403, send("POST", "/calls/c1/supervision", "{\"extension\":\"1001\",\"mode\":\"listen\"}",
                agent, agent.csrfToken()).status());
        assertEquals(403, send("DELETE", "/calls/c1/supervision/1002", "", agent, agent.csrfToken()).status());
    }

    @Test
    public void anAgentMayNotActForAnotherAgent() {
        WebSession agent = login("1001", "agent1001");

        ApiResponse answer = send("POST", "/agents/1002/ready", "", agent, agent.csrfToken());

        assertEquals(403, answer.status());
    }

    @Test
    public void stateChangingRequestsWithoutTheCsrfTokenGet403() {
        WebSession agent = login("1001", "agent1001");

        ApiResponse missing = send("POST", "/agents/1001/ready", "", agent, null);
        ApiResponse wrong = send("POST", "/agents/1001/ready", "", agent, "not-the-token");
        ApiResponse logout = send("DELETE", "/session", "", agent, null);

        assertEquals(403, missing.status());
        assertEquals("missing or wrong CSRF token", ((Map<?, ?>) missing.json()).get("error"));
        assertEquals(403, wrong.status());
        assertEquals(403, logout.status());
    }

    @Test
    public void badBodiesGet400NamingTheField() {
        WebSession agent = login("1001", "agent1001");

        assertField("body", send("POST", "/agents/1001/pause", "{\"reason\":", agent, agent.csrfToken()));
        assertField("reason", send("POST", "/agents/1001/pause", "{\"reason\":7}", agent, agent.csrfToken()));
        assertField("reasn", send("POST", "/agents/1001/pause", "{\"reasn\":\"lunch\"}", agent, agent.csrfToken()));
        assertField("number", send("POST", "/agents/1001/dial", "{\"number\":\"call me\"}", agent,
                agent.csrfToken()));
        assertField("target", send("POST", "/calls/c1/transfer", "{\"target\":\"nowhere\"}", agent,
                agent.csrfToken()));
        assertField("code", send("POST", "/calls/c1/disposition", "{\"code\":\"made-up\"}", agent,
                agent.csrfToken()));
        assertField("password", send("POST", "/session", "{\"username\":\"1001\"}", null, null));
        WebSession supervisor = login("supervisor", "supervisor");
        assertField("extension", send("POST", "/calls/c1/supervision", "{\"mode\":\"listen\"}", supervisor,
                supervisor.csrfToken()));
        assertField("mode", send("POST", "/calls/c1/supervision", "{\"extension\":\"1002\",\"mode\":\"spy\"}",
                supervisor, supervisor.csrfToken()));
    }

    @Test
    public void loggingOutEndsTheSession() {
        WebSession agent = login("1001", "agent1001");

        assertEquals(204, send("DELETE", "/session", "", agent, agent.csrfToken()).status());

        assertTrue(backends.sessions().use(agent.id()).isEmpty());
    }

    private static void assertField(String field, ApiResponse answer) {
        assertEquals(answer.json().toString(), 400, answer.status());
        assertEquals(field, ((Map<?, ?>) answer.json()).get("field"));
    }

    private WebSession login(String user, String password) {
        ApiResponse answer = send("POST", "/session", "{\"username\":\"" + user + "\",\"password\":\"" + password
                + "\"}", null, null);
        String cookie = answer.headers().get("Set-Cookie");
        String id = cookie.substring("SB_SESSION=".length(), cookie.indexOf(';'));
        return backends.sessions().use(id).orElseThrow();
    }

    private ApiResponse send(String method, String path, String body, WebSession session, String csrf) {
        return router.dispatch(new ApiRequest(method, path, Map.of(), Map.of(), body, session, csrf, "127.0.0.1"));
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "x1");
    }
}
