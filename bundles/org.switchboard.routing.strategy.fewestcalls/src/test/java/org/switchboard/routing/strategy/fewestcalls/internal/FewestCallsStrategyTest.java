package org.switchboard.routing.strategy.fewestcalls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingStrategy;

public class FewestCallsStrategyTest {

    private final FewestCallsStrategy strategy = new FewestCallsStrategy();

    @Test
    public void agentWhoAnsweredFewestCallsTodayIsChosenAlone() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).calls(7), agent("1002", 5).calls(2), agent("1003", 60).calls(4)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
    }

    @Test
    public void agentWithFewestCallsIsChosenWhereverItIsInTheCandidates() {
        assertEquals(List.of("1004"), strategy.decide(request("sales",
                agent("1001", 300).calls(7), agent("1002", 5).calls(2), agent("1003", 60).calls(4),
                agent("1004", 1).calls(0))).rankedAgentIds());
        assertEquals(List.of("1001"), strategy.decide(request("sales",
                agent("1001", 1).calls(0), agent("1002", 5).calls(2), agent("1003", 60).calls(4),
                agent("1004", 300).calls(7))).rankedAgentIds());
    }

    @Test
    public void amongAgentsWithAsFewCallsTheOneIdleLongestIsChosen() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).calls(3), agent("1002", 95).calls(3), agent("1003", 500).calls(4),
                agent("1004", 40).calls(3)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("1002 answered fewest calls today (3), idle longest (95 s) of the 3 with as few",
                decision.reason());
    }

    @Test
    public void agentsWithMoreCallsThanTheChosenOneDoNotCountAsTied() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 10).calls(3), agent("1002", 95).calls(3), agent("1003", 5).calls(1),
                agent("1004", 40).calls(2)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("1003 answered fewest calls today (1)", decision.reason());
    }

    @Test
    public void agentsEqualInCallsAndIdleTimeAreChosenByAgentId() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1002", 10).calls(1), agent("1001", 10).calls(1)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 answered fewest calls today (1), idle longest (10 s) of the 2 with as few",
                decision.reason());
    }

    @Test
    public void reasonNamesTheChosenAgentAndTheCallCount() {
        RoutingDecision decision = strategy.decide(request("sales",
                agent("1001", 300).calls(7), agent("1003", 5).calls(2)));

        assertEquals("1003 answered fewest calls today (2)", decision.reason());
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = FewestCallsStrategy.class.getResourceAsStream("FewestCallsStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
