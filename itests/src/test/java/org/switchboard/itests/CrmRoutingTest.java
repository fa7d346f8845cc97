package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.NewCustomer;

/**
 * Callers recognised by the CRM before routing: the previous-agent strategy sends a known caller back to the
 * agent who served them last, an unknown caller becomes a customer, and a CRM that is slow or that operators swap
 * during calls never costs a call.
 */
public class CrmRoutingTest extends SwitchboardTestSupport {
    private String restCfgAsShipped;

    /** Numbers unique to this run, so that no cached lookup from an earlier test answers for them. */
    private final String runDigits = String.format("%08d", System.nanoTime() % 100_000_000L);

    @Before
    public void twoAgentsWithRegisteredPhones() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        registerPhoneIfNeeded("1002", AGENT_1002_PORT);
    }

    @After
    public void backToLongestIdleAndTheBuiltInCrm() throws Exception {
        useStrategy("longest-idle");
        useAdapter("builtin");
        if (restCfgAsShipped != null) {
            Files.writeString(restCfg(), restCfgAsShipped, StandardCharsets.UTF_8);
        }
    }

    @Test
    public void knownCallerReachesTheAgentWhoServedThemLastThoughAnotherIdlesLonger() throws Exception {
        String phone = "+86138" + runDigits;
        Customer customer = builtinCrm().createCustomer(new NewCustomer("Li Wei", 2, "north", null, null,
                List.of(phone), List.of()));
        Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
        builtinCrm().recordInteraction(new Interaction("itest-earlier-" + runDigits, customer.id(), null, phone,
                "support", "1002", "answered", lastWeek, lastWeek.plusSeconds(180), null, null));
        awaitCondition("the CRM names 1002 as " + phone + "'s last agent", () -> directory().lookup(phone)
                .map(card -> "1002".equals(card.lastAgent())).orElse(false));
        useStrategy("previous-agent");
        onlyAvailable("1001");
        agents().login("1002", List.of("support"));
        awaitAgentState("1002", AgentState.AVAILABLE);

        CallDetailRecord call = answeredCallFrom(phone);

        assertEquals("1002", call.agentId());
        RoutingDecisionRecord decision = decisionOf(call);
        assertEquals("previous-agent", decision.strategy());
        assertEquals(null, decision.fallbackCause());
        assertTrue(decision.reason(), decision.reason().contains("customer " + customer.id() + " (Li Wei, VIP 2)")
                && decision.reason().contains("goes back to 1002"));
        Map<String, String> variables = records().variables(call.callId());
        assertEquals(customer.id(), variables.get("crm.customerId"));
        assertEquals("1002", variables.get("crm.previousAgent"));
    }

    @Test
    public void unknownCallerBecomesACustomerWithTheCallAsInteraction() throws Exception {
        String phone = "+86139" + runDigits;
        assertEquals(Optional.empty(), builtinCrm().findByPhone(phone));
        onlyAvailable("1001", "1002");

        CallDetailRecord call = answeredCallFrom(phone);

        awaitCondition("the caller created as a customer", () -> builtinCrm().findByPhone(phone).isPresent());
        Customer created = builtinCrm().findByPhone(phone).orElseThrow();
        awaitCondition("the call kept as the customer's interaction", () -> builtinCrm().history(created.id(), 10)
                .stream().anyMatch(i -> i.callId().equals(call.callId())));
        Interaction interaction = builtinCrm().history(created.id(), 10).stream()
                .filter(i -> i.callId().equals(call.callId())).findFirst().orElseThrow();
        assertEquals(call.agentId(), interaction.agentId());
        assertEquals("support", interaction.queue());
        assertEquals(Disposition.ANSWERED.label(), interaction.disposition());
    }

    @Test
    public void restCrmSlowerThanTheBudgetLeavesTheCallerUnknownAndTheCallIsAnswered() throws Exception {
        String phone = "+86137" + runDigits;
        builtinCrm().createCustomer(new NewCustomer("Ana Ruiz", 1, null, null, null, List.of(phone), List.of()));
        try (FakeCrm slowCrm = FakeCrm.neverAnswering()) {
            useRestCrmAt(slowCrm, "5000");
            useStrategy("previous-agent");
            onlyAvailable("1001", "1002");

            int askedBefore = slowCrm.requests();

            CallDetailRecord call = answeredCallFrom(phone);

            assertTrue("the REST CRM was asked", slowCrm.requests() > askedBefore);
            RoutingDecisionRecord decision = decisionOf(call);
            assertEquals("previous-agent", decision.strategy());
            assertTrue(decision.reason(), decision.reason().startsWith("caller " + phone + " not known to the CRM"));
            assertFalse(records().variables(call.callId()).containsKey("crm.customerId"));
        }
    }

    @Test
    public void swappingTheAdapterWhileCallsFlowLosesNoCall() throws Exception {
        String phone = "+86136" + runDigits;
        int calls = 8;
        onlyAvailable("1001", "1002");
        try (FakeCrm restCrm = FakeCrm.answeringNotFound()) {
            useRestCrmAt(restCrm, "1000");
            Set<String> before = callIds();
            Sipp.Run first = sipp.start("agent-answer.xml", AGENT_1001_PORT, calls, "-s", "1001");
            Sipp.Run second = sipp.start("agent-answer.xml", AGENT_1002_PORT, calls, "-s", "1002");
            Sipp.Run callers = sipp.start("caller-from.xml", CALLER_PORT, calls, "-s", "4000", "-key", "ani", phone,
                    "-r", "2", "-l", "2");
            for (int swap = 0; swap < 16; swap++) {
                directory().useAdapter(swap % 2 == 0 ? "rest" : "builtin");
                Thread.sleep(250);
            }
            callers.expectSuccess();
            first.stop();
            second.stop();

            awaitCondition(calls + " calls ended", () -> records().recent(1000).stream()
                    .filter(r -> !before.contains(r.callId()) && r.state() == CallState.ENDED).count() == calls);
            List<CallDetailRecord> made = records().recent(1000).stream().filter(r -> !before.contains(r.callId()))
                    .toList();
            assertEquals(calls, made.size());
            for (CallDetailRecord call : made) {
                assertEquals(call.toString(), Disposition.ANSWERED, call.disposition());
            }
        }
    }

    // ---- helpers

    private CallDetailRecord answeredCallFrom(String phone) throws Exception {
        Set<String> before = callIds();
        Sipp.Run first = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        Sipp.Run second = sipp.start("agent-answer.xml", AGENT_1002_PORT, "-s", "1002");
        sipp.play("caller-from.xml", CALLER_PORT, "-s", "4000", "-key", "ani", phone);
        CallDetailRecord call = endedCallSince(before);
        (call.agentId().equals("1001") ? first : second).expectSuccess();
        (call.agentId().equals("1001") ? second : first).stop();
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertEquals(phone, call.ani());
        return call;
    }

    private RoutingDecisionRecord decisionOf(CallDetailRecord call) {
        List<RoutingDecisionRecord> decisions = service(RoutingDecisionLog.class).forCall(call.callId());
        assertFalse("no decision for " + call.callId(), decisions.isEmpty());
        return decisions.get(decisions.size() - 1);
    }

    /**
     * Points the REST adapter at the fake CRM as an operator does (editing its etc/ file), selects it, and waits
     * until a lookup reaches the fake.
     */
    private void useRestCrmAt(FakeCrm crm, String readTimeoutMillis) throws Exception {
        restCfgAsShipped = Files.readString(restCfg(), StandardCharsets.UTF_8);
        Files.writeString(restCfg(), restCfgAsShipped
                .replaceAll("(?m)^baseUrl\\s*=.*$", "baseUrl = " + crm.baseUrl())
                .replaceAll("(?m)^readTimeoutMillis\\s*=.*$", "readTimeoutMillis = " + readTimeoutMillis),
                StandardCharsets.UTF_8);
        useAdapter("rest");
        String probe = "+86135" + runDigits;
        awaitCondition("a lookup reaches the REST CRM", () -> {
            directory().lookup(probe);
            return crm.requests() > 0;
        });
    }

    private static Path restCfg() {
        return Path.of(System.getProperty("karaf.etc"), "org.switchboard.crm.rest.cfg");
    }

    private void useAdapter(String name) throws InterruptedException {
        directory().useAdapter(name);
        awaitCondition("adapter " + name + " in use", () -> directory().adapterName().equals(name)
                && directory().adapter().map(this::nameOf).orElse("").equals(name));
    }

    private String nameOf(CrmAdapter adapter) {
        return adapter == builtinCrm() ? "builtin" : "rest";
    }

    private CustomerDirectory directory() {
        return service(CustomerDirectory.class);
    }

    private CrmAdapter builtinCrm() {
        ServiceTracker<CrmAdapter, CrmAdapter> tracker;
        try {
            tracker = new ServiceTracker<>(bundleContext, bundleContext.createFilter("(&(objectClass="
                    + CrmAdapter.class.getName() + ")(" + CrmAdapter.NAME_PROPERTY + "=builtin))"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            CrmAdapter adapter = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (adapter == null) {
                throw new AssertionError("no builtin CRM adapter within 30 s");
            }
            return adapter;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            tracker.close();
        }
    }

    /**
     * A CRM on 127.0.0.1 that either never answers (holds every connection open until closed) or answers every
     * request 404 Not Found at once. Plain sockets: the test runs inside the server, where only the JDK's public
     * packages are sure to be wired.
     */
    private static final class FakeCrm implements AutoCloseable {
        private final ServerSocket server;
        private final boolean answers;
        private final AtomicInteger requests = new AtomicInteger();
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private FakeCrm(boolean answers) throws IOException {
            this.answers = answers;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::serve, "crm-itest-fake-crm");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static FakeCrm neverAnswering() throws IOException {
            return new FakeCrm(false);
        }

        static FakeCrm answeringNotFound() throws IOException {
            return new FakeCrm(true);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int requests() {
            return requests.get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    requests.incrementAndGet();
                    if (!answers) {
                        held.add(socket);
                        continue;
                    }
                    try (socket) {
                        readHead(socket.getInputStream());
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed, or the client gave up
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            int b;
            while (matched < end.length && (b = in.read()) >= 0) {
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
