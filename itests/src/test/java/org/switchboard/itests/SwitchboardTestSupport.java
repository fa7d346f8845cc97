package org.switchboard.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.ivr.CallFlows;
import org.switchboard.api.sip.PhoneRegistry;

/**
 * Runs the assembled Switchboard distribution once for all test classes (same configuration, PerSuite), with
 * the SIP edge on 127.0.0.1:15060 and the demo queue's timers shortened so that no-agent and no-answer cases
 * finish in seconds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class SwitchboardTestSupport {
    static final int SIP_PORT = 15060;
    static final int TLS_PORT = 15061;
    /** Where the outbound trunk is (a sipp UAS plays the outside party). */
    static final int OUTBOUND_TRUNK_PORT = 15080;
    static final int AGENT_1001_PORT = 15091;
    static final int AGENT_1002_PORT = 15092;
    static final int AGENT_1003_PORT = 15095;
    static final int CALLER_PORT = 15071;
    static final String QUEUE_CFG = "etc/org.switchboard.acd.queue-support.cfg";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    protected final Sipp sipp = new Sipp(SIP_PORT);
    private final List<Path> installedFlows = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        File distribution = new File(System.getProperty("switchboard.distribution"));
        File logs = new File(System.getProperty("switchboard.sipp.logs"));
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution.toURI().toString()).name("Switchboard")
                    .unpackDirectory(new File(logs.getParentFile(), "exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.switchboard.sip.cfg", "port", Integer.toString(SIP_PORT)),
            editConfigurationFilePut("etc/org.switchboard.sip.cfg", "tlsPort", Integer.toString(TLS_PORT)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", "18181"),
            editConfigurationFilePut("etc/org.switchboard.sip.cfg", "outboundTrunk",
                    "127.0.0.1:" + OUTBOUND_TRUNK_PORT),
            editConfigurationFilePut(QUEUE_CFG, "maxWaitSeconds", "4"),
            editConfigurationFilePut(QUEUE_CFG, "ringTimeoutSeconds", "3"),
            editConfigurationFilePut(QUEUE_CFG, "wrapUpSeconds", "0"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
            systemProperty("switchboard.sipp.scenarios").value(System.getProperty("switchboard.sipp.scenarios")),
            systemProperty("switchboard.sipp.logs").value(System.getProperty("switchboard.sipp.logs")),
            systemProperty("switchboard.example.strategy")
                    .value(System.getProperty("switchboard.example.strategy")),
        };
    }

    /** Runs a Karaf shell command as an operator would and returns what it printed. */
    protected String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Session session = sessionFactory.create(System.in, out, out)) {
            session.execute(command);
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The current service, waiting for it to (re)appear; never a reference kept across a bundle restart. */
    protected <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (service == null) {
                throw new AssertionError("no " + type.getSimpleName() + " service within 30 s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
        } finally {
            tracker.close();
        }
    }

    protected AgentDesk agents() {
        return service(AgentDesk.class);
    }

    protected CallDetailRecordStore records() {
        return service(CallDetailRecordStore.class);
    }

    protected PhoneRegistry phones() {
        return service(PhoneRegistry.class);
    }

    /** Registers the demo agent's phone with its password from etc/ (digest authentication). */
    protected void registerPhone(String agent, int port) throws Exception {
        sipp.play("register.xml", port, "-s", agent, "-au", agent, "-ap", "demo" + agent);
    }

    protected void registerPhoneIfNeeded(String agent, int port) throws Exception {
        if (phones().find(agent).isEmpty()
                || !phones().find(agent).orElseThrow().contact().contains(":" + port + ";")) {
            registerPhone(agent, port);
        }
    }

    /** Sets the support queue's strategy as an operator does and waits until the queue uses it. */
    protected void useStrategy(String strategy) throws Exception {
        String output = execute("callcenter:strategy-set support " + strategy);
        assertTrue(output, output.contains("support"));
        awaitCondition("support uses " + strategy,
                () -> agents().queue("support").orElseThrow().strategy().equals(strategy));
    }

    protected Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    /** Leaves exactly these agents logged in to the support queue, available. */
    protected void onlyAvailable(String... agentIds) throws Exception {
        List<String> wanted = List.of(agentIds);
        for (AgentStatus agent : agents().agents()) {
            if (!wanted.contains(agent.agentId()) && agent.state() != AgentState.LOGGED_OUT) {
                agents().logout(agent.agentId());
            }
        }
        for (String id : wanted) {
            agents().login(id, List.of("support"));
        }
        awaitCondition("agents " + wanted + " available", () -> agents().agents().stream()
                .filter(a -> a.state() == AgentState.AVAILABLE).map(AgentStatus::agentId)
                .collect(Collectors.toSet()).equals(Set.copyOf(wanted)));
    }

    protected Set<String> callIds() {
        return records().recent(1000).stream().map(CallDetailRecord::callId).collect(Collectors.toSet());
    }

    /** The one call recorded since {@code before}, once it has ended. */
    protected CallDetailRecord endedCallSince(Set<String> before) throws Exception {
        CallDetailRecord[] found = new CallDetailRecord[1];
        awaitCondition("one new call, ended", () -> {
            List<CallDetailRecord> fresh = records().recent(1000).stream().filter(r -> !before.contains(r.callId()))
                    .toList();
            if (fresh.size() == 1 && fresh.get(0).state() == CallState.ENDED) {
                found[0] = fresh.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    /**
     * Puts a call flow into etc/ivr as an operator does (written aside, then moved in place) and waits until it
     * answers {@code number}; it is removed after the test.
     */
    protected void installFlow(String name, String yaml, String number) throws Exception {
        Path folder = Paths.get(System.getProperty("karaf.etc"), "ivr");
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".yaml");
        Path written = Files.writeString(folder.resolve(name + ".yaml.tmp"), yaml, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        installedFlows.add(file);
        CallFlows flows = service(CallFlows.class);
        awaitCondition("flow " + name + " answers " + number + " (problems: " + flowProblems(flows) + ")",
                () -> flows.flowForNumber(number).filter(name::equals).isPresent());
    }

    @After
    public void removeInstalledFlows() throws Exception {
        for (Path file : installedFlows) {
            Files.deleteIfExists(file);
            String name = file.getFileName().toString().replace(".yaml", "");
            awaitCondition("flow " + name + " unloaded", () -> !service(CallFlows.class).flowNames().contains(name));
        }
        installedFlows.clear();
    }

    private static String flowProblems(CallFlows flows) {
        try {
            return String.join("; ", flows.loadProblems());
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /**
     * A value of the first configuration matching {@code filter} as Config Admin has it (what the operator's file
     * says, once read), or null.
     */
    protected String configuredValue(String filter, String key) {
        // a reference of our own: Config Admin hands each bundle its own instance, unusable once ungot
        ServiceReference<ConfigurationAdmin> reference = bundleContext.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin configurations = bundleContext.getService(reference);
        try {
            org.osgi.service.cm.Configuration[] found = configurations.listConfigurations(filter);
            Object value = found == null ? null : found[0].getProperties().get(key);
            return value == null ? null : value.toString().trim();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    /** The row of {@code callcenter:recordings} for a call of queue support, if there is one. */
    protected Optional<Map<String, String>> recordingOf(String callId) {
        try {
            return ShellTables.lastTable(execute("callcenter:recordings --queue support")).orElse(List.of())
                    .stream()
                    .filter(row -> callId.equals(row.get("Call"))).findFirst();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The call the agent is connected to now, once there is one. */
    protected String callOf(String agentId) throws InterruptedException {
        awaitCondition("agent " + agentId + " on a call", () -> agents().agent(agentId)
                .map(a -> a.state() == AgentState.ON_CALL && a.callId() != null).orElse(false));
        return agents().agent(agentId).orElseThrow().callId();
    }

    protected void awaitAgentState(String agentId, AgentState state) throws InterruptedException {
        awaitCondition("agent " + agentId + " " + state.label(),
                () -> agents().agent(agentId).orElseThrow().state() == state);
    }

    protected static void awaitCondition(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 15 s for: " + what);
    }
}
