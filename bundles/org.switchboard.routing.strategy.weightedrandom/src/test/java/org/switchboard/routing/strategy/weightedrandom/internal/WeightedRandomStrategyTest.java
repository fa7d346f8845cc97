package org.switchboard.routing.strategy.weightedrandom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

public class WeightedRandomStrategyTest {

    private static final int DRAWS = 40_000;

    private final WeightedRandomStrategy strategy = new WeightedRandomStrategy(new SplittableRandom(20240506L));

    /** How often each agent is chosen over {@link #DRAWS} decisions. */
    private Map<String, Integer> choices(RoutingRequest request) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(strategy.decide(request).rankedAgentIds().get(0), 1, Integer::sum);
        }
        return counts;
    }

    private static double share(Map<String, Integer> counts, String id) {
        return counts.getOrDefault(id, 0) / (double) DRAWS;
    }

    @Test
    public void agentOfWeightThreeIsChosenAboutThreeTimesAsOftenAsAgentOfWeightOne() {
        Map<String, Integer> firsts = choices(request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 1), agent("1002", 0).skill("billing", 3)));

        double ratio = firsts.get("1002") / (double) firsts.get("1001");
        assertTrue("ratio " + ratio + " in " + firsts, ratio > 2.8 && ratio < 3.2);
    }

    @Test
    public void everyCandidateIsChosenInProportionToItsWeight() {
        // weights 10, 1, 5, 2 of 18: the first, a middle and the last place of the candidates
        Map<String, Integer> firsts = choices(request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 10), agent("1002", 0).skill("billing", 1),
                agent("1003", 0).skill("billing", 5), agent("1004", 0).skill("billing", 2)));

        assertEquals(firsts.toString(), 10 / 18.0, share(firsts, "1001"), 0.015);
        assertEquals(firsts.toString(), 1 / 18.0, share(firsts, "1002"), 0.015);
        assertEquals(firsts.toString(), 5 / 18.0, share(firsts, "1003"), 0.015);
        assertEquals(firsts.toString(), 2 / 18.0, share(firsts, "1004"), 0.015);
    }

    @Test
    public void weightIsTheSumOfLevelsInTheRequiredSkillsOnly() {
        Map<String, Integer> firsts = choices(request("billing", Map.of("billing", 1, "spanish", 1),
                agent("1001", 0).skill("billing", 1).skill("spanish", 1).skill("french", 10),
                agent("1002", 0).skill("billing", 4).skill("spanish", 2)));

        // weights 2 and 6: the French level, not required, does not count
        assertEquals(firsts.toString(), 0.75, share(firsts, "1002"), 0.015);
    }

    @Test
    public void withoutRequiredSkillsEveryAgentWeighsTheSame() {
        Map<String, Integer> firsts = choices(request("sales", Map.of(),
                agent("1001", 0).skill("billing", 9), agent("1002", 0).skill("billing", 1),
                agent("1003", 0)));

        for (String id : List.of("1001", "1002", "1003")) {
            assertEquals(firsts.toString(), 1 / 3.0, share(firsts, id), 0.015);
        }
    }

    @Test
    public void weightBelowOneCountsAsOne() {
        Map<String, Integer> firsts = choices(request("billing", Map.of("billing", 1),
                agent("1001", 0), agent("1002", 0).skill("billing", 1)));

        assertEquals(firsts.toString(), 0.5, share(firsts, "1001"), 0.015);
    }

    @Test
    public void exactlyOneCandidateIsChosen() {
        RoutingRequest request = request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 10), agent("1002", 0).skill("billing", 1),
                agent("1003", 0).skill("billing", 5), agent("1004", 0).skill("billing", 2));
        for (int i = 0; i < 200; i++) {
            List<String> chosen = strategy.decide(request).rankedAgentIds();
            assertEquals(1, chosen.size());
            assertTrue(chosen.toString(), Set.of("1001", "1002", "1003", "1004").contains(chosen.get(0)));
        }
    }

    @Test
    public void reasonNamesTheAgentDrawnAndItsWeight() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("spanish", 1, "billing", 1),
                agent("1001", 0).skill("billing", 3).skill("spanish", 4)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 drawn first with skill weight 7 of 7 in total (sum of levels in billing, spanish)",
                decision.reason());
        assertFalse(decision.ringAll());
    }

    @Test
    public void reasonGivesTheWeightOfTheAgentDrawnAndTheTotal() {
        RoutingRequest request = request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 2), agent("1002", 0).skill("billing", 5));
        for (int i = 0; i < 50; i++) {
            RoutingDecision decision = strategy.decide(request);
            String chosen = decision.rankedAgentIds().get(0);
            String weight = chosen.equals("1001") ? "2" : "5";
            assertEquals(chosen + " drawn first with skill weight " + weight + " of 7 in total (sum of levels in billing)",
                    decision.reason());
        }
    }

    @Test
    public void theComponentsOwnGeneratorChoosesACandidate() {
        RoutingDecision decision = new WeightedRandomStrategy().decide(request("sales",
                agent("1001", 0), agent("1002", 0)));

        assertEquals(1, decision.rankedAgentIds().size());
        assertTrue(Set.of("1001", "1002").contains(decision.rankedAgentIds().get(0)));
        assertTrue(decision.reason(), decision.reason().endsWith("of 2 candidates (no skill required, equal weights)"));
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = WeightedRandomStrategy.class.getResourceAsStream("WeightedRandomStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
