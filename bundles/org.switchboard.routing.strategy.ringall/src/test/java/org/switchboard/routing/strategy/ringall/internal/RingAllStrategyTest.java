package org.switchboard.routing.strategy.ringall.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;

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
}
