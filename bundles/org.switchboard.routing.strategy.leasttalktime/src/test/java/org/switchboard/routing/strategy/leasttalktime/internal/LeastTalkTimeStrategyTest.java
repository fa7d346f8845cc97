package org.switchboard.routing.strategy.leasttalktime.internal;

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

public class LeastTalkTimeStrategyTest {

    private final LeastTalkTimeStrategy strategy = new LeastTalkTimeStrategy();

    @Test
    public void agentWhoTalkedLeastTodayIsChosenAlone() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).talkSeconds(1800), agent("1002", 5).talkSeconds(252),
                agent("1003", 60).talkSeconds(900)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
    }

    @Test
    public void agentWhoTalkedLeastIsChosenWhereverItIsInTheCandidates() {
        assertEquals(List.of("1004"), strategy.decide(request("sales",
                agent("1001", 300).talkSeconds(1800), agent("1002", 5).talkSeconds(252),
                agent("1003", 60).talkSeconds(900), agent("1004", 1).talkSeconds(0))).rankedAgentIds());
        assertEquals(List.of("1001"), strategy.decide(request("sales",
                agent("1001", 1).talkSeconds(0), agent("1002", 5).talkSeconds(252),
                agent("1003", 60).talkSeconds(900), agent("1004", 300).talkSeconds(1800))).rankedAgentIds());
    }

    @Test
    public void talkTimeDecidesRatherThanTheNumberOfCalls() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).calls(1).talkSeconds(3600), agent("1002", 10).calls(12).talkSeconds(600)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
    }

    @Test
    public void talkTimesAreComparedToTheNanosecond() {
        CandidateAgent more = new CandidateAgent("1001", Map.of(), 0, NOW.minusSeconds(500), 0,
                Duration.ofSeconds(120, 1), Optional.empty());
        CandidateAgent less = new CandidateAgent("1002", Map.of(), 0, NOW.minusSeconds(5), 0,
                Duration.ofSeconds(120), Optional.empty());

        RoutingDecision decision = strategy.decide(request("sales", Map.of(), List.of(more, less)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("1002 talked least today (120 s)", decision.reason());
    }

    @Test
    public void amongAgentsWhoTalkedAsLittleTheOneIdleLongestIsChosen() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).talkSeconds(120), agent("1002", 95).talkSeconds(120),
                agent("1003", 500).talkSeconds(121), agent("1004", 40).talkSeconds(120)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("1002 talked least today (120 s), idle longest (95 s) of the 3 with as little",
                decision.reason());
    }

    @Test
    public void agentsWhoTalkedMoreThanTheChosenOneDoNotCountAsTied() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).talkSeconds(120), agent("1002", 95).talkSeconds(120),
                agent("1003", 5).talkSeconds(60), agent("1004", 40).talkSeconds(90)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("1003 talked least today (60 s)", decision.reason());
    }

    @Test
    public void agentsEqualInTalkAndIdleTimeAreChosenByAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1002", 10).talkSeconds(60), agent("1001", 10).talkSeconds(60)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 talked least today (60 s), idle longest (10 s) of the 2 with as little",
                decision.reason());
    }

    @Test
    public void reasonNamesTheChosenAgentAndTheTalkTime() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).talkSeconds(1800), agent("1003", 5).talkSeconds(252)));

        assertEquals("1003 talked least today (252 s)", decision.reason());
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = LeastTalkTimeStrategy.class.getResourceAsStream("LeastTalkTimeStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
