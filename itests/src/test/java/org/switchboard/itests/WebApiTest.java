package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.call.CallDetailRecord;

/**
 * The REST API and its live events through HTTP, as the console's pages use them: login with each role, every
 * route refused to the anonymous and to roles that may not use it, bad bodies, CSRF, a real call seen in the call
 * list, on a supervisor's event stream and in its routing decisions, a strategy swapped into the queue's file, the
 * operator's views the shell has too (audit log, lockouts, phones, recordings), and the metrics.
 */
public class WebApiTest extends SwitchboardTestSupport {
    /** As set in etc/org.ops4j.pax.web.cfg by {@link SwitchboardTestSupport}. */
    static final int HTTP_PORT = 18181;
    private static final String BASE = "http://127.0.0.1:" + HTTP_PORT;
    private static final Pattern CALL_EVENT = Pattern.compile("\"type\":\"([A-Z]+)\",\"callId\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A logged-in console user: the session cookie and the CSRF token. */
    private record Login(String cookie, String csrf, String body) {
    }

    private enum Needs { ANY, SUPERVISOR, ADMIN }

    private record Endpoint(String method, String path, Needs needs) {
    }

    /** Every route of the API but login and the OpenAPI document, with the least role it needs. */
    private static final List<Endpoint> ROUTES = List.of(
            new Endpoint("GET", "/session", Needs.ANY), new Endpoint("DELETE", "/session", Needs.ANY),
            new Endpoint("GET", "/events", Needs.ANY),
            new Endpoint("GET", "/agents", Needs.SUPERVISOR), new Endpoint("GET", "/agents/1001", Needs.ANY),
            new Endpoint("POST", "/agents/1001/login", Needs.ANY), new Endpoint("POST", "/agents/1001/ready", Needs.ANY),
            new Endpoint("POST", "/agents/1001/pause", Needs.ANY),
            new Endpoint("POST", "/agents/1001/logout", Needs.ANY),
            new Endpoint("POST", "/agents/1001/dial", Needs.ANY), new Endpoint("GET", "/pause-reasons", Needs.ANY),
            new Endpoint("GET", "/queues", Needs.ANY), new Endpoint("GET", "/queues/support/waiting", Needs.ANY),
            new Endpoint("PUT", "/queues/support/strategy", Needs.ADMIN),
            new Endpoint("GET", "/strategies", Needs.SUPERVISOR),
            new Endpoint("GET", "/calls", Needs.ANY), new Endpoint("GET", "/calls.csv", Needs.ANY),
            new Endpoint("GET", "/calls/x", Needs.ANY), new Endpoint("GET", "/calls/x/screen-pop", Needs.ANY),
            new Endpoint("POST", "/calls/x/hangup", Needs.ANY), new Endpoint("POST", "/calls/x/hold", Needs.ANY),
            new Endpoint("POST", "/calls/x/resume", Needs.ANY), new Endpoint("POST", "/calls/x/transfer", Needs.ANY),
            new Endpoint("POST", "/calls/x/disposition", Needs.ANY),
            new Endpoint("POST", "/calls/x/recording/pause", Needs.ANY),
            new Endpoint("POST", "/calls/x/recording/resume", Needs.ANY),
            new Endpoint("GET", "/supervisions", Needs.SUPERVISOR),
            new Endpoint("POST", "/calls/x/supervision", Needs.SUPERVISOR),
            new Endpoint("DELETE", "/calls/x/supervision/1003", Needs.SUPERVISOR),
            new Endpoint("GET", "/disposition-codes", Needs.ANY),
            new Endpoint("GET", "/reports/hourly", Needs.SUPERVISOR),
            new Endpoint("GET", "/reports/agents", Needs.SUPERVISOR),
            new Endpoint("GET", "/crm/tickets", Needs.SUPERVISOR), new Endpoint("GET", "/crm/leads", Needs.SUPERVISOR),
            new Endpoint("GET", "/crm/customers", Needs.SUPERVISOR),
            new Endpoint("GET", "/admin/queues/support", Needs.ADMIN),
            new Endpoint("PUT", "/admin/queues/support", Needs.ADMIN),
            new Endpoint("GET", "/admin/agents/1001", Needs.ADMIN),
            new Endpoint("PUT", "/admin/agents/1001", Needs.ADMIN),
            new Endpoint("GET", "/admin/pause-reasons", Needs.ADMIN),
            new Endpoint("PUT", "/admin/pause-reasons", Needs.ADMIN), new Endpoint("GET", "/admin/flows", Needs.ADMIN),
            new Endpoint("POST", "/admin/flows/main/check", Needs.ADMIN),
            new Endpoint("GET", "/admin/flows/main", Needs.ADMIN), new Endpoint("PUT", "/admin/flows/main", Needs.ADMIN),
            new Endpoint("GET", "/admin/crm", Needs.ADMIN),
            new Endpoint("PUT", "/admin/crm", Needs.ADMIN), new Endpoint("GET", "/admin/trunks", Needs.ADMIN),
            new Endpoint("PUT", "/admin/trunks", Needs.ADMIN), new Endpoint("GET", "/admin/users", Needs.ADMIN),
            new Endpoint("PUT", "/admin/users/someone", Needs.ADMIN),
            new Endpoint("GET", "/calls/x/why", Needs.SUPERVISOR), new Endpoint("GET", "/audit", Needs.SUPERVISOR),
            new Endpoint("GET", "/lockouts", Needs.SUPERVISOR),
            new Endpoint("DELETE", "/lockouts/192.0.2.1", Needs.ADMIN),
            new Endpoint("GET", "/phones", Needs.SUPERVISOR),
            new Endpoint("GET", "/recordings", Needs.SUPERVISOR), new Endpoint("POST", "/admin/backup", Needs.ADMIN),
            new Endpoint("GET", "/crm/customers/x", Needs.SUPERVISOR),
            new Endpoint("POST", "/crm/tickets", Needs.ANY),
            new Endpoint("POST", "/crm/tickets/x/steps", Needs.SUPERVISOR),
            new Endpoint("GET", "/crm/customers.csv", Needs.ADMIN),
            new Endpoint("POST", "/crm/customers.csv", Needs.ADMIN),
            new Endpoint("GET", "/crm/leads.csv", Needs.ADMIN),
            new Endpoint("POST", "/crm/leads.csv", Needs.ADMIN));

    @Test
    public void eachRoleLogsInThroughTheJaasRealm() throws Exception {
        Login admin = login("karaf", "karaf");
        Login supervisor = login("supervisor", "supervisor");
        Login agent = login("1001", "agent1001");

        assertTrue(admin.body(), admin.body().contains("\"roles\":[\"admin\"]"));
        assertTrue(supervisor.body(), supervisor.body().contains("\"roles\":[\"supervisor\"]"));
        assertTrue(agent.body(), agent.body().contains("\"agentId\":\"1001\""));
        assertTrue(agent.cookie().startsWith("SB_SESSION="));
        HttpResponse<String> me = send("GET", "/session", null, agent, false);
        assertEquals(200, me.statusCode());
        assertTrue(me.body(), me.body().contains("\"username\":\"1001\""));
        HttpResponse<String> cookieOf = send("POST", "/session", "{\"username\":\"1001\",\"password\":\"agent1001\"}",
                null, false);
        String setCookie = cookieOf.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
    }

    @Test
    public void wrongPasswordsAreRefused() throws Exception {
        assertEquals(401, send("POST", "/session", "{\"username\":\"1001\",\"password\":\"wrong\"}", null, false)
                .statusCode());
        assertEquals(401, send("POST", "/session", "{\"username\":\"nobody\",\"password\":\"wrong\"}", null, false)
                .statusCode());
    }

    @Test
    public void anonymousGets401OnEveryRoute() throws Exception {
        for (Endpoint route : ROUTES) {
            assertEquals(route.toString(), 401, send(route.method(), route.path(), "{}", null, false).statusCode());
        }
        assertEquals(200, send("GET", "/openapi.json", null, null, false).statusCode());
        assertEquals(401, send("GET", "/no/such/thing", null, null, false).statusCode());
    }

    @Test
    public void anAgentGets403OnSupervisorAndAdminRoutesAndOnAnotherAgentsActions() throws Exception {
        Login agent = login("1002", "agent1002");
        for (Endpoint route : ROUTES) {
            if (route.needs() != Needs.ANY) {
                assertEquals(route.toString(), 403, send(route.method(), route.path(), "{}", agent, true)
                        .statusCode());
            }
        }
        assertEquals(403, send("POST", "/agents/1001/ready", "{}", agent, true).statusCode());
        assertEquals(403, send("GET", "/agents/1001", null, agent, false).statusCode());
        assertEquals(403, send("GET", "/calls?agent=1001", null, agent, false).statusCode());

        Login supervisor = login("supervisor", "supervisor");
        assertEquals(403, send("GET", "/admin/users", null, supervisor, false).statusCode());
        assertEquals(200, send("GET", "/agents", null, supervisor, false).statusCode());
    }

    @Test
    public void badBodiesGet400NamingTheFieldAndChangeNothing() throws Exception {
        Login agent = login("1003", "agent1003");
        AgentState before = agents().agent("1003").orElseThrow().state();

        assertBadField("body", send("POST", "/agents/1003/pause", "{\"reason\": ", agent, true));
        assertBadField("reason", send("POST", "/agents/1003/pause", "{\"reason\":\"nap\"}", agent, true));
        assertBadField("queues", send("POST", "/agents/1003/login", "{\"queues\":[\"nowhere\"]}", agent, true));
        assertEquals(before, agents().agent("1003").orElseThrow().state());

        Login admin = login("karaf", "karaf");
        String queueFile = Files.readString(queueFile());
        assertBadField("ringTimeoutSeconds", send("PUT", "/admin/queues/support",
                "{\"maxWaitSeconds\": 30, \"ringTimeoutSeconds\": \"soon\"}", admin, true));
        assertBadField("strategy", send("PUT", "/queues/support/strategy", "{\"strategy\":\"no-such\"}", admin,
                true));
        assertEquals("nothing of a refused change is written", queueFile, Files.readString(queueFile()));
    }

    @Test
    public void stateChangingRequestsWithoutTheCsrfTokenAreRefused() throws Exception {
        Login agent = login("1003", "agent1003");

        HttpResponse<String> refused = send("POST", "/agents/1003/ready", "{}", agent, false);

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("CSRF"));
    }

    @Test
    public void aCallAppearsInTheCallListAndAsLiveEventsOfASupervisor() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        for (AgentStatus other : agents().agents()) {
            if (!other.agentId().equals("1001") && other.state() != AgentState.LOGGED_OUT) {
                agents().logout(other.agentId());
            }
        }
        Login agent = login("1001", "agent1001");
        assertEquals(200, send("POST", "/agents/1001/login", "{\"queues\":[\"support\"]}", agent, true)
                .statusCode());
        assertEquals(200, send("POST", "/agents/1001/ready", "{}", agent, true).statusCode());
        awaitAgentState("1001", AgentState.AVAILABLE);
        Login supervisor = login("supervisor", "supervisor");
        BlockingQueue<String> events = listen(supervisor);
        Set<String> before = callIds();

        Sipp.Run phone = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        phone.expectSuccess();
        CallDetailRecord call = endedCallSince(before);

        assertEquals(List.of("QUEUED", "OFFERED", "ANSWERED", "ENDED"), callEvents(events, call.callId(), 4));
        HttpResponse<String> listed = send("GET", "/calls?queue=support&limit=20", null, supervisor, false);
        assertTrue(listed.body(), listed.body().contains("\"callId\":\"" + call.callId() + "\""));
        HttpResponse<String> own = send("GET", "/calls", null, agent, false);
        assertTrue(own.body(), own.body().contains("\"callId\":\"" + call.callId() + "\""));

        HttpResponse<String> wrapUp = send("POST", "/calls/" + call.callId() + "/disposition",
                "{\"code\":\"resolved\",\"notes\":\"asked about billing\"}", agent, true);
        assertEquals(wrapUp.body(), 200, wrapUp.statusCode());
        assertEquals("resolved", records().variables(call.callId()).get("wrapup.code"));
        HttpResponse<String> why = send("GET", "/calls/" + call.callId() + "/why", null, supervisor, false);
        assertEquals(why.body(), 200, why.statusCode());
        assertTrue(why.body(), why.body().contains("\"callId\":\"" + call.callId() + "\"")
                && why.body().contains("\"chosenAgent\":\"1001\"") && why.body().contains("\"state\":\"ANSWERED\""));
        assertEquals(404, send("GET", "/calls/no-such-call/why", null, supervisor, false).statusCode());
        HttpResponse<String> csv = send("GET", "/calls.csv?number=" + call.ani(), null, supervisor, false);
        assertTrue(csv.body(), csv.body().startsWith("callId,ani,dnis") && csv.body().contains(call.callId()
                + ",") && csv.body().contains("asked about billing"));
        String metrics = http.send(HttpRequest.newBuilder(URI.create(BASE + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics, metrics.contains("switchboard_calls_ended_total{disposition=\"ANSWERED\",queue=\"support\"}"));
        assertEquals(204, send("DELETE", "/session", null, supervisor, true).statusCode());
    }

    @Test
    public void anAdminSwapsAQueuesStrategyIntoItsFile() throws Exception {
        Login admin = login("karaf", "karaf");
        try {
            HttpResponse<String> swapped = send("PUT", "/queues/support/strategy", "{\"strategy\":\"round-robin\"}",
                    admin, true);

            assertEquals(swapped.body(), 200, swapped.statusCode());
            assertTrue(swapped.body(), swapped.body().contains("\"strategy\":\"round-robin\""));
            awaitCondition("the queue's file names round-robin", () -> fileSays("strategy = round-robin"));
        } finally {
            useStrategy("longest-idle");
        }
    }

    @Test
    public void anAdminReadsAndChangesTheConfigurationFlowsAndUsers() throws Exception {
        Login admin = login("karaf", "karaf");

        HttpResponse<String> queue = send("GET", "/admin/queues/support", null, admin, false);
        assertTrue(queue.body(), queue.body().contains("\"name\":\"support\"") && queue.body().contains(
                "\"numbers\":\"4000\""));
        HttpResponse<String> agent = send("GET", "/admin/agents/1001", null, admin, false);
        assertTrue(agent.body(), agent.body().contains("\"name\":\"Alice Chen\"")
                && !agent.body().contains("password"));
        HttpResponse<String> flows = send("GET", "/admin/flows", null, admin, false);
        assertTrue(flows.body(), flows.body().contains("\"name\":\"main\""));
        HttpResponse<String> mainFlow = send("GET", "/admin/flows/main", null, admin, false);
        assertEquals(200, mainFlow.statusCode());
        HttpResponse<String> check = send("POST", "/admin/flows/main/check", mainFlow.body(), admin, true);
        assertEquals(check.body(), "{\"problems\":[]}", check.body());
        HttpResponse<String> broken = send("POST", "/admin/flows/main/check", "steps: [", admin, true);
        assertTrue(broken.body(), broken.body().contains("main.yaml"));

        HttpResponse<String> created = send("PUT", "/admin/users/2001", "{\"password\":\"agent2001\","
                + "\"roles\":[\"agent\"]}", admin, true);
        assertEquals(created.body(), 200, created.statusCode());
        assertTrue(login("2001", "agent2001").body().contains("\"agentId\":\"2001\""));
        assertTrue(send("GET", "/admin/users", null, admin, false).body().contains("{\"name\":\"2001\","
                + "\"roles\":[\"agent\"]}"));

        Login supervisor = login("supervisor", "supervisor");
        HttpResponse<String> audit = send("GET", "/audit?limit=200", null, supervisor, false);
        assertTrue(audit.body(), audit.body().contains("\"who\":\"web:karaf\",\"action\":\"user-save\","
                + "\"detail\":\"2001 roles [agent] and password\""));
        HttpResponse<String> lockouts = send("GET", "/lockouts", null, supervisor, false);
        assertEquals(lockouts.body(), 200, lockouts.statusCode());
        assertTrue(lockouts.body(), lockouts.body().startsWith("["));
        HttpResponse<String> cleared = send("DELETE", "/lockouts/192.0.2.77", null, admin, true);
        assertEquals(cleared.body(), "{\"source\":\"192.0.2.77\",\"lifted\":false}", cleared.body());
        assertEquals(200, send("GET", "/phones", null, supervisor, false).statusCode());
        assertEquals(200, send("GET", "/recordings?limit=5", null, supervisor, false).statusCode());
        assertBadField("since", send("GET", "/recordings?since=yesterday", null, supervisor, false));
        HttpResponse<String> hours = send("GET", "/reports/hourly?queue=support", null, supervisor, false);
        assertEquals(hours.body(), 24, hours.body().split("\"hour\"").length - 1);
        assertEquals(200, send("GET", "/reports/agents", null, supervisor, false).statusCode());
        assertEquals(200, send("GET", "/queues/support/waiting", null, supervisor, false).statusCode());
        assertTrue(send("GET", "/strategies", null, supervisor, false).body().contains("\"name\":\"round-robin\""));
        assertEquals(200, send("GET", "/crm/customers?search=a", null, supervisor, false).statusCode());
    }

    @Test
    public void metricsShowQueuesAgentsSipTrafficAndTheJvm() throws Exception {
        String options = "OPTIONS sip:127.0.0.1:" + SIP_PORT + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch="
                + "z9hG4bK-metrics\r\nMax-Forwards: 70\r\nFrom: <sip:monitor@127.0.0.1>;tag=m1\r\n"
                + "To: <sip:127.0.0.1>\r\nCall-ID: metrics-options\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        new RawSipClient(SIP_PORT).udp(options.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.time.Duration.ofSeconds(2), true);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(BASE + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("switchboard_queue_waiting{queue=\"support\"}"));
        assertTrue(metrics.body().contains("switchboard_agents{state=\"available\"}"));
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue("SIP requests by method",
                metrics.body().contains("switchboard_sip_requests_received_total{method=\"OPTIONS\"}"));
        assertTrue("SIP responses by status",
                metrics.body().contains("switchboard_sip_responses_sent_total{status=\"200\"}"));
        assertTrue("silent connections closed",
                metrics.body().contains("switchboard_sip_connections_silent_closed_total"));
        assertTrue("parties hung up for no media", metrics.body().contains("switchboard_calls_media_timeouts_total"));
    }

    private static void assertBadField(String field, HttpResponse<String> answer) {
        assertEquals(answer.body(), 400, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("\"field\":\"" + field + "\""));
    }

    private Login login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", "/session", "{\"username\":\"" + user + "\",\"password\":\""
                + password + "\"}", null, false);
        assertEquals(answer.body(), 200, answer.statusCode());
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher csrf = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(answer.body());
        assertTrue(answer.body(), csrf.find());
        return new Login(cookie.substring(0, cookie.indexOf(';')), csrf.group(1), answer.body());
    }

    private HttpResponse<String> send(String method, String path, String body, Login login, boolean withToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/v1" + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (login != null) {
            request.header("Cookie", login.cookie());
            if (withToken) {
                request.header("X-CSRF-Token", login.csrf());
            }
        }
        if (path.equals("/events")) {
            // an event stream stays open: only its status matters here
            HttpResponse<Stream<String>> stream = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            stream.body().close();
            return new StatusOnly(stream);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The lines of the user's event stream, as they come. */
    private BlockingQueue<String> listen(Login login) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/events"))
                .header("Cookie", login.cookie()).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertEquals("text/event-stream;charset=utf-8",
                stream.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());
        Thread reader = new Thread(() -> stream.body().forEach(lines::add), "web-api-test-events");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The types of the first {@code count} call events about the call, in the order they came. */
    private static List<String> callEvents(BlockingQueue<String> lines, String callId, int count)
            throws InterruptedException {
        List<String> types = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (types.size() < count && System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data: ")) {
                Matcher event = CALL_EVENT.matcher(line);
                if (event.find() && event.group(2).equals(callId)) {
                    types.add(event.group(1));
                }
            }
        }
        return types;
    }

    private static Path queueFile() {
        return Path.of(System.getProperty("karaf.etc"), "org.switchboard.acd.queue-support.cfg");
    }

    private static boolean fileSays(String line) {
        try {
            return Files.readAllLines(queueFile()).stream().anyMatch(l -> l.replace(" ", "")
                    .equals(line.replace(" ", "")));
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of a streamed answer, for the checks that only need it. */
    private record StatusOnly(HttpResponse<?> response) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }
}
