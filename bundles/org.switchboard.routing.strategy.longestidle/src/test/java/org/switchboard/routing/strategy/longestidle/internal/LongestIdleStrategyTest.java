package org.switchboard.routing.strategy.longestidle.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.NOW;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingStrategy;

public class LongestIdleStrategyTest {

    private final LongestIdleStrategy strategy = new LongestIdleStrategy();

    @Test
    public void agentIdleLongestIsChosenAlone() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 95), agent("1003", 5)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
    }

    @Test
    public void agentIdleLongestIsChosenWhereverItIsInTheCandidates() {
        assertEquals(List.of("1001"), strategy.decide(request("sales",
                agent("1001", 95), agent("1002", 30), agent("1003", 5), agent("1004", 60))).rankedAgentIds());
        assertEquals(List.of("1004"), strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 60), agent("1003", 5), agent("1004", 95))).rankedAgentIds());
    }

    @Test
    public void agentsIdleEquallyLongAreChosenByAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1003", 40), agent("1001", 40), agent("1002", 40)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertTrue(decision.reason(), decision.reason().contains("tied with 2 others"));
    }

    @Test
    public void onlyAgentsIdleAsLongAsTheChosenOneCountAsTied() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 40), agent("1002", 40), agent("1004", 95), agent("1003", 95), agent("1005", 5)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("1003 idle longest (95 s), tied with 1 other, lowest agent id first of 5 candidates",
                decision.reason());
    }

    @Test
    public void idleTimesAreComparedToTheNanosecond() {
        CandidateAgent earlier = new CandidateAgent("1002", Map.of(), 0, NOW.minusSeconds(40).minusNanos(1), 0,
                Duration.ZERO, Optional.empty());
        CandidateAgent later = new CandidateAgent("1001", Map.of(), 0, NOW.minusSeconds(40), 0, Duration.ZERO,
                Optional.empty());

        RoutingDecision decision = strategy.decide(request("sales", Map.of(), List.of(later, earlier)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("1002 idle longest (40 s) of 2 candidates", decision.reason());
    }

    @Test
    public void reasonNamesTheChosenAgentAndHowLongTheAgentWasIdle() {
        RoutingDecision decision = strategy.decide(request("sales", agent("1001", 30), agent("1002", 95)));

        assertEquals("1002 idle longest (95 s) of 2 candidates", decision.reason());
    }

    @Test
    public void aSingleCandidateIsOffered() {
        RoutingDecision decision = strategy.decide(request("sales", agent("1007", 0)));

        assertEquals(List.of("1007"), decision.rankedAgentIds());
        assertEquals("1007 idle longest (0 s) of 1 candidate", decision.reason());
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = LongestIdleStrategy.class.getResourceAsStream("LongestIdleStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
