package org.switchboard.routing.strategy.fewestcalls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.util.List;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;

public class FewestCallsStrategyTest {

    private final FewestCallsStrategy strategy = new FewestCallsStrategy();

    @Test
    public void agentWhoAnsweredFewestCallsTodayIsOfferedFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).calls(7), agent("1002", 5).calls(2), agent("1003", 60).calls(4)));

        assertEquals("1002", decision.rankedAgentIds().get(0));
        assertFalse(decision.ringAll());
    }

    @Test
    public void everyCandidateIsRankedByCallsAnsweredFewestFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).calls(7), agent("1002", 5).calls(2), agent("1003", 60).calls(4),
                agent("1004", 1).calls(0)));

        assertEquals(List.of("1004", "1002", "1003", "1001"), decision.rankedAgentIds());
    }

    @Test
    public void amongAgentsWithAsFewCallsTheOneIdleLongestComesFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).calls(3), agent("1002", 95).calls(3), agent("1003", 500).calls(4),
                agent("1004", 40).calls(3)));

        assertEquals(List.of("1002", "1004", "1001", "1003"), decision.rankedAgentIds());
        assertEquals("1002 answered fewest calls today (3), idle longest (95 s) of the 3 with as few",
                decision.reason());
    }

    @Test
    public void agentsEqualInCallsAndIdleTimeAreRankedByAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1002", 10).calls(1), agent("1001", 10).calls(1)));

        assertEquals(List.of("1001", "1002"), decision.rankedAgentIds());
    }

    @Test
    public void reasonNamesTheChosenAgentAndTheCallCount() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).calls(7), agent("1003", 5).calls(2)));

        assertEquals("1003 answered fewest calls today (2)", decision.reason());
    }
}
