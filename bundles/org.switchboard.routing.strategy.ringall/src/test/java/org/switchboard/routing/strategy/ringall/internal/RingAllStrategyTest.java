package org.switchboard.routing.strategy.ringall.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.NOW;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

import org.junit.Test;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingStrategy;

public class RingAllStrategyTest {

    private final RingAllStrategy strategy = new RingAllStrategy();

    @Test
    public void everyCandidateIsRungAtOnce() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 95), agent("1003", 5)));

        assertTrue(decision.ringAll());
        assertEquals(3, decision.rankedAgentIds().size());
        assertTrue(decision.rankedAgentIds().containsAll(List.of("1001", "1002", "1003")));
    }

    @Test
    public void candidatesAreListedByLongestIdleThenAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 95), agent("1004", 5), agent("1003", 5)));

        assertEquals(List.of("1002", "1001", "1003", "1004"), decision.rankedAgentIds());
    }

    @Test
    public void agentsIdleSinceTheSameInstantAreListedByAgentIdWhateverTheirOrder() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1005", 40), agent("1001", 40), agent("1007", 95), agent("1003", 40), agent("1006", 95),
                agent("1002", 5), agent("1004", 40)));

        assertEquals(List.of("1006", "1007", "1001", "1003", "1004", "1005", "1002"), decision.rankedAgentIds());
    }

    @Test
    public void idleTimesAreComparedToTheNanosecond() {
        RoutingDecision decision = strategy.decide(request("sales", Map.of(), List.of(
                idleSince("1001", 40, 0), idleSince("1002", 40, 1), idleSince("1003", 39, 999_999_999),
                idleSince("1004", 40, 0))));

        assertEquals(List.of("1002", "1001", "1004", "1003"), decision.rankedAgentIds());
    }

    @Test
    public void agentsIdleSinceInstantsYearsApartAreListedTheSameWay() {
        long year = Duration.ofDays(365).toSeconds();
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 200 * year), agent("1004", 5), agent("1003", 5),
                agent("1005", 200 * year)));

        assertEquals(List.of("1002", "1005", "1001", "1003", "1004"), decision.rankedAgentIds());
    }

    @Test
    public void manyCandidatesInAnyOrderAreListedByLongestIdleThenAgentId() {
        Random random = new Random(20261126L);
        long day = Duration.ofDays(1).toSeconds();
        for (long spread : new long[] { 60, 900, 50 * day, 400 * day }) {
            // few distinct idle times, so that many agents are tied
            assertListedByLongestIdleThenAgentId("spread " + spread + " s", random,
                    () -> random.nextInt(20) * (spread / 20), () -> random.nextInt(3));
        }
        // most agents idle for under a minute, one for 50 days
        assertListedByLongestIdleThenAgentId("one far longer", random,
                () -> random.nextInt(100) == 0 ? 50 * day : random.nextInt(60), () -> random.nextInt(1_000_000_000));
        // everybody available since the same instant
        assertListedByLongestIdleThenAgentId("all tied", random, () -> 30, () -> 0);
    }

    private void assertListedByLongestIdleThenAgentId(String what, Random random, LongSupplier idleSeconds,
            LongSupplier idleNanos) {
        for (int size : new int[] { 2, 7, 100, 1000 }) {
            List<CandidateAgent> agents = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                agents.add(idleSince(String.valueOf(5000 + random.nextInt(4000)), idleSeconds.getAsLong(),
                        idleNanos.getAsLong()));
            }
            Collections.shuffle(agents, random);
            List<String> expected = agents.stream()
                    .sorted(Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId))
                    .map(CandidateAgent::agentId).toList();

            RoutingDecision decision = strategy.decide(request("sales", Map.of(), agents));

            assertEquals(what + ", " + size + " candidates", expected, decision.rankedAgentIds());
        }
    }

    @Test
    public void reasonCountsAndNamesTheAgentsRung() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 95), agent("1003", 5)));

        assertEquals("ringing all 3 candidates: 1002, 1001, 1003", decision.reason());
    }

    @Test
    public void aSingleCandidateIsRung() {
        RoutingDecision decision = strategy.decide(request("sales", agent("1001", 30)));

        assertTrue(decision.ringAll());
        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("ringing all 1 candidate: 1001", decision.reason());
    }

    @Test
    public void manyCandidatesAreAllRungButTheReasonNamesOnlyTheFirstFew() {
        List<CandidateAgent> agents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            agents.add(agent(String.valueOf(2000 + i), 1000 - i).build());
        }

        RoutingDecision decision = strategy.decide(request("sales", Map.of(), agents));

        assertEquals(1000, decision.rankedAgentIds().size());
        assertTrue(decision.ringAll());
        assertTrue(decision.reason(), decision.reason().startsWith("ringing all 1000 candidates: 2000, 2001, "));
        assertTrue(decision.reason(), decision.reason().endsWith(", 2009 and 990 more"));
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = RingAllStrategy.class.getResourceAsStream("RingAllStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }

    /** An agent idle since {@code seconds} and {@code nanos} before NOW. */
    private static CandidateAgent idleSince(String id, long seconds, long nanos) {
        return new CandidateAgent(id, Map.of(), 0, NOW.minusSeconds(seconds).minusNanos(nanos), 0, Duration.ZERO,
                Optional.empty());
    }
}
