package org.switchboard.routing.strategy.longestidle.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.util.List;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;

public class LongestIdleStrategyTest {

    private final LongestIdleStrategy strategy = new LongestIdleStrategy();

    @Test
    public void agentIdleLongestIsOfferedFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 95), agent("1003", 5)));

        assertEquals("1002", decision.rankedAgentIds().get(0));
        assertFalse(decision.ringAll());
    }

    @Test
    public void everyCandidateIsRankedByIdleTimeLongestFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 30), agent("1002", 95), agent("1003", 5), agent("1004", 60)));

        assertEquals(List.of("1002", "1004", "1001", "1003"), decision.rankedAgentIds());
    }

    @Test
    public void agentsIdleEquallyLongAreRankedByAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1003", 40), agent("1001", 40), agent("1002", 40)));

        assertEquals(List.of("1001", "1002", "1003"), decision.rankedAgentIds());
        assertTrue(decision.reason(), decision.reason().contains("tied with 2 others"));
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
}
