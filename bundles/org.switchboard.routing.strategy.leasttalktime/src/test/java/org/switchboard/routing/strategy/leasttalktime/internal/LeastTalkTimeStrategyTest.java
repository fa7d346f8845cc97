package org.switchboard.routing.strategy.leasttalktime.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.util.List;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;

public class LeastTalkTimeStrategyTest {

    private final LeastTalkTimeStrategy strategy = new LeastTalkTimeStrategy();

    @Test
    public void agentWhoTalkedLeastTodayIsOfferedFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).talkSeconds(1800), agent("1002", 5).talkSeconds(252),
                agent("1003", 60).talkSeconds(900)));

        assertEquals("1002", decision.rankedAgentIds().get(0));
        assertFalse(decision.ringAll());
    }

    @Test
    public void everyCandidateIsRankedByTalkTimeLeastFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).talkSeconds(1800), agent("1002", 5).talkSeconds(252),
                agent("1003", 60).talkSeconds(900), agent("1004", 1).talkSeconds(0)));

        assertEquals(List.of("1004", "1002", "1003", "1001"), decision.rankedAgentIds());
    }

    @Test
    public void talkTimeDecidesRatherThanTheNumberOfCalls() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).calls(1).talkSeconds(3600), agent("1002", 10).calls(12).talkSeconds(600)));

        assertEquals(List.of("1002", "1001"), decision.rankedAgentIds());
    }

    @Test
    public void amongAgentsWhoTalkedAsLittleTheOneIdleLongestComesFirst() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).talkSeconds(120), agent("1002", 95).talkSeconds(120),
                agent("1003", 500).talkSeconds(121), agent("1004", 40).talkSeconds(120)));

        assertEquals(List.of("1002", "1004", "1001", "1003"), decision.rankedAgentIds());
        assertEquals("1002 talked least today (120 s), idle longest (95 s) of the 3 with as little",
                decision.reason());
    }

    @Test
    public void agentsEqualInTalkAndIdleTimeAreRankedByAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1002", 10).talkSeconds(60), agent("1001", 10).talkSeconds(60)));

        assertEquals(List.of("1001", "1002"), decision.rankedAgentIds());
    }

    @Test
    public void reasonNamesTheChosenAgentAndTheTalkTime() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).talkSeconds(1800), agent("1003", 5).talkSeconds(252)));

        assertEquals("1003 talked least today (252 s)", decision.reason());
    }
}
