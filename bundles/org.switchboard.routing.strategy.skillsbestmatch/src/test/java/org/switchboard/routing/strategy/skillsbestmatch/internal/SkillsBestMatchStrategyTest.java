package org.switchboard.routing.strategy.skillsbestmatch.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingStrategy;

public class SkillsBestMatchStrategyTest {

    private final SkillsBestMatchStrategy strategy = new SkillsBestMatchStrategy();

    @Test
    public void agentWithTheHighestLevelInTheRequiredSkillIsChosenAlone() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("billing", 3),
                agent("1001", 300).skill("billing", 4), agent("1002", 5).skill("billing", 9),
                agent("1003", 60).skill("billing", 6)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
    }

    @Test
    public void bestMatchIsChosenWhereverItIsInTheCandidates() {
        assertEquals(List.of("1001"), strategy.decide(request("billing", Map.of("billing", 3),
                agent("1001", 5).skill("billing", 9), agent("1002", 300).skill("billing", 4),
                agent("1003", 60).skill("billing", 6))).rankedAgentIds());
        assertEquals(List.of("1003"), strategy.decide(request("billing", Map.of("billing", 3),
                agent("1001", 300).skill("billing", 4), agent("1002", 60).skill("billing", 6),
                agent("1003", 5).skill("billing", 9))).rankedAgentIds());
    }

    @Test
    public void levelsInAllRequiredSkillsAreAddedUp() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("billing", 1, "spanish", 1),
                agent("1001", 300).skill("billing", 9).skill("spanish", 2),
                agent("1002", 5).skill("billing", 6).skill("spanish", 6)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("1002 best skill match (level sum 12 in billing, spanish)", decision.reason());
    }

    @Test
    public void skillsTheCallDoesNotRequireDoNotCount() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("billing", 1),
                agent("1001", 300).skill("billing", 5).skill("french", 10),
                agent("1002", 5).skill("billing", 6)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
    }

    @Test
    public void amongEqualMatchesTheAgentIdleLongestIsChosen() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("billing", 1),
                agent("1001", 10).skill("billing", 7), agent("1002", 95).skill("billing", 7),
                agent("1003", 500).skill("billing", 6)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("1002 best skill match (level sum 7 in billing), idle longest (95 s) of the 2 with that sum",
                decision.reason());
    }

    @Test
    public void agentsWithALowerSumThanTheChosenOneDoNotCountAsTied() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("billing", 1),
                agent("1001", 10).skill("billing", 7), agent("1002", 95).skill("billing", 7),
                agent("1003", 5).skill("billing", 8), agent("1004", 500).skill("billing", 6)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("1003 best skill match (level sum 8 in billing)", decision.reason());
    }

    @Test
    public void whenNoSkillIsRequiredTheAgentIdleLongestIsChosen() {
        RoutingDecision decision = strategy.decide(request("sales", Map.of(),
                agent("1001", 10).skill("billing", 10), agent("1002", 95), agent("1003", 40).skill("sales", 8)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertEquals("no skill required: 1002 idle longest (95 s)", decision.reason());
    }

    @Test
    public void agentsEqualInSkillAndIdleTimeAreChosenByAgentId() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("billing", 1),
                agent("1002", 10).skill("billing", 5), agent("1001", 10).skill("billing", 5)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 best skill match (level sum 5 in billing), idle longest (10 s) of the 2 with that sum",
                decision.reason());
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = SkillsBestMatchStrategy.class.getResourceAsStream("SkillsBestMatchStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
