package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.sip.SourceGuard;

/**
 * The SIP edge protects itself: a password guesser is locked out until an operator clears it, calls beyond
 * the configured rate get 503 with Retry-After while the calls taken go on normally and the server takes calls
 * again by itself once the load drops, and calls from outside the trunk sources get 403.
 * <p>
 * Every sipp run comes from 127.0.0.1, so each test starts and ends with that source's lockout and failures
 * cleared, and the SIP settings it changes (through Config Admin, as an operator's edit of the cfg file does)
 * are put back afterwards.
 */
public class SipProtectionTest extends SwitchboardTestSupport {
    private static final String PID = "org.switchboard.sip";
    private static final String SOURCE = "127.0.0.1";
    private static final int GUESSER_PORT = 15096;
    private static final int BURST_PORT = 15072;
    private static final int PROBE_PORT = 15073;
    private static final int LONG_CALL_PORT = 15074;
    private static final int FORBIDDEN_CALLER_PORT = 15075;

    private static final int CALLS_PER_SECOND_LIMIT = 5;
    private static final int BURST_RATE = 3 * CALLS_PER_SECOND_LIMIT;
    private static final int BURST_CALLS = 5 * BURST_RATE;

    private static final Pattern SCREEN_LINE = Pattern.compile("^\\s*(\\S+) (?:<-+|-+>)\\s+(\\d+)", Pattern.MULTILINE);

    private final File logs = new File(System.getProperty("switchboard.sipp.logs"));
    private Dictionary<String, Object> originalSettings;
    private final Set<String> changedKeys = new LinkedHashSet<>();

    @Before
    public void rememberTheSettingsAndStartWithAClearSource() throws Exception {
        originalSettings = withSipConfiguration(configuration -> copy(configuration.getProperties()));
        guard().clear(SOURCE);
    }

    @After
    public void putTheSettingsBackAndClearTheSource() throws Exception {
        try {
            guard().clear(SOURCE);
        } finally {
            if (!changedKeys.isEmpty()) {
                withSipConfiguration(configuration -> {
                    configuration.update(originalSettings);
                    return null;
                });
                awaitCondition("original SIP settings back", () -> changedKeys.stream()
                        .allMatch(key -> Objects.equals(text(originalSettings.get(key)), text(applied(key)))));
            }
            guard().clear(SOURCE);
        }
    }

    @Test
    public void passwordGuessingFromOneSourceIsLockedOutUntilAnOperatorClearsIt() throws Exception {
        int lockoutFailures = Integer.parseInt(Objects.requireNonNullElse(text(applied("lockoutFailures")), "5"));
        int guesses = lockoutFailures + 3;

        Sipp.Run guesser = sipp.start("protection-register-brute-force.xml", GUESSER_PORT, guesses, "-s", "1003",
                "-au", "1003", "-ap", "not-the-password", "-l", "1");
        guesser.expectSuccess();

        List<Map.Entry<String, Long>> counts = screenCounts(guesser.output());
        assertEquals("challenged until locked out\n" + guesser.output(), List.of((long) lockoutFailures),
                countsOf(counts, "401"));
        assertEquals("the first 403 line: refused at once, locked out; the second: wrong password\n"
                + guesser.output(), List.of((long) guesses - lockoutFailures, (long) lockoutFailures),
                countsOf(counts, "403"));

        sipp.play("protection-register-refused.xml", GUESSER_PORT, "-s", "1003", "-au", "1003", "-ap", "demo1003");

        String listed = execute("callcenter:lockouts");
        assertTrue(listed, listed.lines().map(line -> line.split("\\s*\\|\\s*")).anyMatch(
                columns -> columns.length == 3 && columns[0].trim().equals(SOURCE)
                        && columns[1].equals(Integer.toString(lockoutFailures)) && !columns[2].isBlank()));
        awaitCondition("the lockout logged at WARN with its source and count", () -> karafLog().lines().anyMatch(
                line -> line.contains("WARN") && line.contains("source " + SOURCE + " locked out until")
                        && line.contains("after " + lockoutFailures + " failed authentications")));

        String cleared = execute("callcenter:lockout-clear " + SOURCE);
        assertTrue(cleared, cleared.contains("Lockout of " + SOURCE + " lifted"));
        assertFalse(execute("callcenter:lockouts").contains(SOURCE));

        registerPhone("1003", AGENT_1003_PORT);
        assertTrue(phones().find("1003").isPresent());
    }

    @Test
    public void overloadAtThreeTimesTheCallRateGets503WithRetryAfterAndTheServerRecoversOnItsOwn()
            throws Exception {
        changeSettings(Map.of("maxCallsPerSecond", Integer.toString(CALLS_PER_SECOND_LIMIT)));
        String retryAfter = Objects.requireNonNullElse(text(applied("retryAfterSeconds")), "5");
        Map<String, Integer> agentPorts = Map.of("1001", AGENT_1001_PORT, "1002", AGENT_1002_PORT, "1003",
                AGENT_1003_PORT);
        for (Map.Entry<String, Integer> agent : agentPorts.entrySet()) {
            registerPhoneIfNeeded(agent.getKey(), agent.getValue());
        }
        onlyAvailable("1001", "1002", "1003");
        Set<String> before = callIds();
        List<Sipp.Run> started = new ArrayList<>();
        try {
            for (Map.Entry<String, Integer> agent : agentPorts.entrySet()) {
                started.add(sipp.start("protection-agent-answer.xml", agent.getValue(), 4 * BURST_CALLS, "-s",
                        agent.getKey()));
                awaitUdpListening(agent.getValue());
            }

            // a call that is established before the overload and talks through it
            File longCallLog = new File(logs, "protection-long-call-" + System.nanoTime() + ".log");
            Sipp.Run longCall = sipp.start("protection-caller.xml", LONG_CALL_PORT, 1, "-s", "4000", "-d", "8000",
                    "-trace_logs", "-log_file", longCallLog.getPath());
            started.add(longCall);
            awaitCondition("the long call answered", () -> newCalls(before).stream()
                    .anyMatch(c -> c.state() == CallState.ANSWERED));

            File burstLog = new File(logs, "protection-burst-" + System.nanoTime() + ".log");
            File burstStats = new File(logs, "protection-burst-" + System.nanoTime() + ".csv");
            long burstStart = System.nanoTime();
            Sipp.Run burst = sipp.start("protection-caller.xml", BURST_PORT, BURST_CALLS, "-s", "4000", "-d", "100",
                    "-r", Integer.toString(BURST_RATE), "-trace_logs", "-log_file", burstLog.getPath(),
                    "-trace_stat", "-stf", burstStats.getPath(), "-fd", "1");
            started.add(burst);
            long burstEnd = burstStart + TimeUnit.MILLISECONDS.toNanos(1000L * BURST_CALLS / BURST_RATE);
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(burstEnd - System.nanoTime())));

            // recovery: one call after another until the first is taken
            long recoveredAfterMillis = -1;
            long completedAfterMillis = -1;
            int probes = 0;
            while (recoveredAfterMillis < 0 && System.nanoTime() - burstEnd < TimeUnit.SECONDS.toNanos(20)) {
                probes++;
                File probeLog = new File(logs, "protection-probe-" + System.nanoTime() + ".log");
                long probeStart = System.nanoTime();
                sipp.start("protection-caller.xml", PROBE_PORT, 1, "-s", "4000", "-d", "100", "-trace_logs",
                        "-log_file", probeLog.getPath()).expectSuccess();
                if (read(probeLog).contains("answered")) {
                    recoveredAfterMillis = TimeUnit.NANOSECONDS.toMillis(probeStart - burstEnd);
                    completedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - burstEnd);
                } else {
                    Thread.sleep(100);
                }
            }

            burst.expectSuccess();
            longCall.expectSuccess();
            assertTrue("the call established before the overload was answered and hung up normally",
                    read(longCallLog).contains("answered"));

            List<String> outcomes = read(burstLog).lines().filter(line -> !line.isBlank()).toList();
            long answered = outcomes.stream().filter(line -> line.equals("answered")).count();
            List<String> refusals = outcomes.stream().filter(line -> line.startsWith("503")).toList();
            assertEquals(outcomes.toString(), BURST_CALLS, answered + refusals.size());
            assertTrue("every 503 says when to retry: " + refusals,
                    refusals.stream().allMatch(line -> line.equals("503 Retry-After: " + retryAfter)));
            assertTrue("some calls were refused: " + outcomes, refusals.size() > 0);
            long atMost = CALLS_PER_SECOND_LIMIT + (long) CALLS_PER_SECOND_LIMIT * (BURST_CALLS / BURST_RATE + 1);
            assertTrue("no more calls taken than the limit lets through: " + answered, answered <= atMost);
            assertTrue("server recovered within 5 s of the burst (" + recoveredAfterMillis + " ms)",
                    recoveredAfterMillis >= 0 && recoveredAfterMillis <= 5000);

            long calls = 1 + answered + 1;
            awaitCondition(calls + " calls recorded and ended", () -> newCalls(before).size() == calls
                    && newCalls(before).stream().allMatch(c -> c.state() == CallState.ENDED));
            assertTrue("every call taken was answered and ended normally", newCalls(before).stream()
                    .allMatch(c -> c.disposition() == Disposition.ANSWERED));

            List<Long> perSecond = createdPerSecond(burstStats);
            String figures = String.format("SipProtectionTest overload: maxCallsPerSecond %d, sipp offered %d calls "
                    + "at %d calls/s (created per 1 s period: %s, peak %d/s); %d taken and answered, %d refused "
                    + "with 503 Retry-After %s; recovery: first call taken %d ms after the burst ended (answered and "
                    + "hung up %d ms after, %d probe calls); the call established before the burst talked through "
                    + "it.%n", CALLS_PER_SECOND_LIMIT, BURST_CALLS, BURST_RATE, perSecond,
                    perSecond.stream().mapToLong(Long::longValue).max().orElse(0), answered, refusals.size(),
                    retryAfter, recoveredAfterMillis, completedAfterMillis, probes);
            System.out.print(figures);
            Files.writeString(new File(logs, "protection-figures.txt").toPath(), figures, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            for (Sipp.Run run : started) {
                run.stop();
            }
        }
    }

    @Test
    public void callFromAnAddressOutsideTheTrunkSourcesGets403() throws Exception {
        changeSettings(Map.of("trunkSources", "10.255.255.0/24"));
        Set<String> before = callIds();

        sipp.play("protection-caller-forbidden.xml", FORBIDDEN_CALLER_PORT, "-s", "4000");

        assertEquals("no call was started", before, callIds());
        awaitCondition("the refusal logged with its source", () -> karafLog().contains(
                "INVITE from " + SOURCE + ":" + FORBIDDEN_CALLER_PORT + " refused with 403: the source is not in "
                        + "trunkSources"));
        registerPhone("1002", AGENT_1002_PORT);
        assertTrue("phones register from anywhere", phones().find("1002").isPresent());
    }

    // ---- settings, as an operator changes them: Config Admin, then wait until the SIP edge has them

    private void changeSettings(Map<String, String> changes) throws Exception {
        withSipConfiguration(configuration -> {
            Dictionary<String, Object> properties = copy(configuration.getProperties());
            changes.forEach((key, value) -> {
                changedKeys.add(key);
                properties.put(key, value);
            });
            configuration.update(properties);
            return null;
        });
        awaitCondition("SIP settings " + changes + " applied", () -> changes.entrySet().stream()
                .allMatch(change -> change.getValue().equals(text(applied(change.getKey())))));
    }

    /** The value the SIP edge runs with: its component properties, which DS updates once it has taken them. */
    private Object applied(String key) {
        ServiceReference<SourceGuard> reference = bundleContext.getServiceReference(SourceGuard.class);
        return reference == null ? null : reference.getProperty(key);
    }

    @FunctionalInterface
    private interface ConfigurationWork<T> {
        T on(Configuration configuration) throws IOException;
    }

    /**
     * Works on the SIP edge's configuration while holding Config Admin: its service object is per bundle and
     * stops working once released (as {@code service(...)} does), so it is held for the whole work.
     */
    private <T> T withSipConfiguration(ConfigurationWork<T> work) throws IOException {
        service(ConfigurationAdmin.class);
        ServiceReference<ConfigurationAdmin> reference = bundleContext.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = bundleContext.getService(reference);
        try {
            return work.on(admin.getConfiguration(PID, null));
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private SourceGuard guard() {
        return service(SourceGuard.class);
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }

    // ---- what sipp and the server tell

    private List<CallDetailRecord> newCalls(Set<String> before) {
        return records().recent(1000).stream().filter(c -> !before.contains(c.callId())).toList();
    }

    /** The message lines of sipp's final screen, in order: ("401", count received), ("REGISTER", count sent). */
    private static List<Map.Entry<String, Long>> screenCounts(String output) {
        int start = output.lastIndexOf("Messages  Retrans");
        List<Map.Entry<String, Long>> counts = new ArrayList<>();
        Matcher matcher = SCREEN_LINE.matcher(start < 0 ? output : output.substring(start));
        while (matcher.find()) {
            counts.add(Map.entry(matcher.group(1), Long.parseLong(matcher.group(2))));
        }
        return counts;
    }

    private static List<Long> countsOf(List<Map.Entry<String, Long>> counts, String message) {
        return counts.stream().filter(e -> e.getKey().equals(message)).map(Map.Entry::getValue).toList();
    }

    /** sipp's -trace_stat file: the calls created in each period of 1 s that created any. */
    private static List<Long> createdPerSecond(File stats) {
        List<String> lines = read(stats).lines().toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        int column = List.of(lines.get(0).split(";")).indexOf("OutgoingCall(P)");
        List<Long> perSecond = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";");
            if (column >= 0 && fields.length > column && !fields[column].equals("OutgoingCall(P)")) {
                long created = Long.parseLong(fields[column].trim());
                if (created > 0) {
                    perSecond.add(created);
                }
            }
        }
        return perSecond;
    }

    private static String karafLog() {
        return read(new File(System.getProperty("karaf.log"), "karaf.log"));
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until a UDP socket listens on 127.0.0.1:port (a sipp UAS is ready to answer). */
    private static void awaitUdpListening(int port) throws InterruptedException {
        String localAddress = String.format("0100007F:%04X", port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.readAllLines(Path.of("/proc/net/udp")).stream()
                        .anyMatch(line -> line.trim().split("\\s+")[1].equals(localAddress))) {
                    return;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the socket table", e);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing listens on UDP port " + port + " after 10 s");
    }
}
