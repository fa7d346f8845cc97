package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.Test;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.Disposition;

/**
 * Random mutations of valid INVITE, REGISTER, BYE and OPTIONS requests (flipped, inserted and deleted bytes,
 * duplicated and dropped header lines, absurd Content-Length, huge header values, random methods, bad CSeq and
 * Via, truncation, broken line ends), from a fixed seed so that a failure replays, sent over UDP at a bounded rate
 * for a bounded count and time. Meanwhile a clean REGISTER every few hundred messages must be challenged as
 * usual; afterwards no call is left unfinished, no transaction or dialog lingers, the heap is where it was, a
 * normal call is answered and a normal OPTIONS gets 200.
 */
public class SipFuzzTest extends SwitchboardTestSupport {
    private static final long SEED = 4475_5118L;
    private static final int MESSAGES = 3000;
    private static final Duration TIME_BOUND = Duration.ofSeconds(60);
    /**
     * Messages per second (each followed by this long reading what came back): a quarter of them INVITEs and a
     * quarter REGISTERs, 15 a second each, under the SIP edge's per-source limits (20 a second by default), so
     * that what the server does with them is parsing and answering, not rate limiting.
     */
    private static final int RATE = 60;
    private static final int PROBE_EVERY = 250;
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;
    private static final String[] METHODS = { "INVITE", "REGISTER", "BYE", "OPTIONS" };

    private final RawSipClient client = new RawSipClient(SIP_PORT);

    @Test
    public void mutatedRequestsNeitherCrashNorLeaveCallsNorGrowTheHeapAndTheNextCallIsAnswered() throws Exception {
        onlyAvailable(); // queued fuzz calls then end on their own (no agent: 480), no phone rings
        Set<String> callsBefore = callIds();
        TortureServerState.Snapshot tablesBefore = TortureServerState.of(phones());
        TortureServerState.Log log = TortureServerState.Log.mark();
        long heapBefore = heapUsedAfterGc();

        Tally tally = fuzz();
        long heapRightAfter = heapUsedAfterGc();
        List<String> problems = new ArrayList<>(tally.problems);
        if (!tally.failedWith500.isEmpty()) {
            problems.add(tally.failedWith500.size() + " answers 500 (an exception in the server): "
                    + tally.failedWith500.stream().limit(20).toList());
        }
        List<String> escaped = log.linesSinceContaining("could not be handled", "SIP timer task failed");
        if (!escaped.isEmpty()) {
            problems.add(escaped.size() + " exceptions escaped the server's SIP handlers (stack traces in "
                    + "target/sip-fuzz-server-log.txt), the first: " + escaped.get(0));
        }

        // calls queued by fuzzed INVITEs end within the queue's max wait (4 s here) with 480
        awaitCondition("no fuzzed call left unfinished", () -> records().unfinished().isEmpty());
        List<CallDetailRecord> fuzzCalls = records().recent(1000).stream()
                .filter(r -> !callsBefore.contains(r.callId())).toList();

        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        onlyAvailable("1001");
        Set<String> before = callIds();
        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        agent.expectSuccess();
        CallDetailRecord call = endedCallSince(before);
        assertEquals("a normal call after the fuzzing is answered", Disposition.ANSWERED, call.disposition());

        TortureServerState.Snapshot tables = awaitTablesBackTo(tablesBefore, Duration.ofSeconds(45));
        if (!tables.noMoreThan(tablesBefore)) {
            problems.add("the SIP edge's tables did not return within 45 s to where they were before ("
                    + tablesBefore + "); now " + tables);
        }
        long heapAfter = heapUsedAfterGc();
        if (heapAfter - heapBefore > HEAP_GROWTH_BOUND) {
            problems.add("heap used grew by " + mib(heapAfter - heapBefore) + " MiB (bound "
                    + mib(HEAP_GROWTH_BOUND) + " MiB)");
        }
        normalOptionsGets200().ifPresent(problems::add);
        log.keepProblems("sip-fuzz-server-log.txt", "SIP fuzz, seed " + SEED);
        int stackErrors = log.linesSinceContaining("Error while processing incoming UDP packet").size();

        SipTortureTest.report("SIP fuzz (seed " + SEED + "): messages tried: " + tally.tried + " in "
                + tally.millis + " ms (bound " + MESSAGES + " messages, " + TIME_BOUND.toSeconds() + " s, " + RATE
                + "/s), " + tally.probes + " clean REGISTER probes"
                + "\n  answers by status: " + tally.statuses + ", for example " + tally.examples.values()
                + "\n  answers with a line break in the Reason-Phrase: " + tally.malformedStatusLines
                + "\n  messages the SIP stack itself failed on (logged as errors, dropped): " + stackErrors
                + "\n  calls the fuzzed INVITEs created: " + fuzzCalls.size() + " " + fuzzCalls.stream()
                        .collect(Collectors.groupingBy(r -> String.valueOf(r.disposition()), TreeMap::new,
                                Collectors.counting()))
                + "\n  heap used after GC: before " + mib(heapBefore) + " MiB, right after the fuzzing "
                + mib(heapRightAfter) + " MiB, after the call and 45 s at most for transactions to end "
                + mib(heapAfter) + " MiB"
                + "\n  SIP edge before: " + tablesBefore + "; after: " + tables
                + "\n  mutations: " + tally.mutations);
        SipTortureTest.report("  what the heap holds after the fuzzing (live objects, largest first):\n"
                + TortureServerState.heapHistogram(25));
        assertTrue(problems.size() + " problems after " + tally.tried + " fuzzed messages:\n"
                + String.join("\n", problems), problems.isEmpty());
    }

    /** What the fuzzing sent and got back. */
    private static final class Tally {
        int tried;
        int probes;
        int malformedStatusLines;
        long millis;
        final Map<String, Integer> mutations = new TreeMap<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<Integer, String> examples = new TreeMap<>();
        final List<String> failedWith500 = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        void answered(RawSipResponse response) {
            statuses.merge(response.status(), 1, Integer::sum);
            examples.putIfAbsent(response.status(), response.summary());
            if (!response.hasWellFormedStatusLine()) {
                malformedStatusLines++;
            }
            if (response.status() == 500) {
                failedWith500.add(response.summary() + " " + response.callId());
            }
        }
    }

    /**
     * Sends the mutated requests from one port, reading what comes back between sends (which paces them), and
     * every PROBE_EVERY messages checks from another port that a clean REGISTER is still challenged.
     */
    private Tally fuzz() throws Exception {
        Tally tally = new Tally();
        long start = System.nanoTime();
        try (RawSipClient.UdpEndpoint fuzzer = client.udpEndpoint()) {
            Random random = new Random(SEED);
            FuzzMutator mutator = new FuzzMutator(random, fuzzer.localPort(), SIP_PORT);
            long deadline = start + TIME_BOUND.toNanos();
            Duration pace = Duration.ofMillis(1000 / RATE);
            for (int n = 0; n < MESSAGES && System.nanoTime() < deadline; n++) {
                String method = METHODS[random.nextInt(METHODS.length)];
                List<String> applied = new ArrayList<>();
                byte[] message = mutator.mutate(RawSipClient.ascii(mutator.template(method, n)), applied);
                applied.forEach(name -> tally.mutations.merge(method + ": " + name, 1, Integer::sum));
                fuzzer.send(message);
                tally.tried++;
                fuzzer.receive(pace, false).forEach(tally::answered);
                if ((n + 1) % PROBE_EVERY == 0) {
                    tally.probes++;
                    cleanRegisterIsChallenged("after " + (n + 1) + " fuzzed messages").ifPresent(tally.problems::add);
                }
            }
        }
        tally.millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return tally;
    }

    private Optional<String> normalOptionsGets200() throws Exception {
        try (RawSipClient.UdpEndpoint options = client.udpEndpoint()) {
            options.send(RawSipClient.ascii(new FuzzMutator(new Random(SEED), options.localPort(), SIP_PORT)
                    .template("OPTIONS", -options.localPort())));
            List<RawSipResponse> answers = options.receive(Duration.ofSeconds(2), true);
            if (answers.stream().noneMatch(r -> r.status() == 200)) {
                return Optional.of("a normal OPTIONS after the fuzzing got " + (answers.isEmpty()
                        ? "no answer" : answers.stream().map(RawSipResponse::summary).toList()) + ", not 200");
            }
            return Optional.empty();
        }
    }

    /**
     * A clean REGISTER from another port is challenged (401) within 2 s. A 503 (the source over its REGISTER rate:
     * the fuzzing comes from the same address) is answered too; the probe then tries again a second later.
     */
    private Optional<String> cleanRegisterIsChallenged(String when) throws Exception {
        List<String> got = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            try (RawSipClient.UdpEndpoint probe = client.udpEndpoint()) {
                FuzzMutator templates = new FuzzMutator(new Random(SEED), probe.localPort(), SIP_PORT);
                probe.send(RawSipClient.ascii(templates.template("REGISTER", -probe.localPort())));
                List<RawSipResponse> answers = probe.receive(Duration.ofSeconds(2), true);
                if (answers.stream().anyMatch(r -> r.status() == 401)) {
                    return Optional.empty();
                }
                got.add(answers.isEmpty() ? "no answer" : answers.stream().map(RawSipResponse::summary).toList()
                        .toString());
                if (answers.stream().noneMatch(r -> r.status() == 503)) {
                    break;
                }
            }
            Thread.sleep(1100);
        }
        return Optional.of("a clean REGISTER " + when + " got " + got + ", not 401");
    }

    private TortureServerState.Snapshot awaitTablesBackTo(TortureServerState.Snapshot baseline, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        TortureServerState.Snapshot now = TortureServerState.of(phones());
        while (!now.noMoreThan(baseline) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = TortureServerState.of(phones());
        }
        return now;
    }

    /** Heap in use after full collections (this test runs inside the server's JVM). */
    private static long heapUsedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
