package org.switchboard.routing.strategy.weightedrandom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.Test;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;

public class WeightedRandomStrategyTest {

    private static final int DRAWS = 40_000;

    private final WeightedRandomStrategy strategy = new WeightedRandomStrategy(new SplittableRandom(20240506L));

    /** How often each agent is ranked at {@code place} (0 = first) over {@link #DRAWS} decisions. */
    private Map<String, Integer> countAt(int place, RoutingRequest request) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(strategy.decide(request).rankedAgentIds().get(place), 1, Integer::sum);
        }
        return counts;
    }

    private static double share(Map<String, Integer> counts, String id) {
        return counts.getOrDefault(id, 0) / (double) DRAWS;
    }

    @Test
    public void agentOfWeightThreeComesFirstAboutThreeTimesAsOftenAsAgentOfWeightOne() {
        Map<String, Integer> firsts = countAt(0, request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 1), agent("1002", 0).skill("billing", 3)));

        double ratio = firsts.get("1002") / (double) firsts.get("1001");
        assertTrue("ratio " + ratio + " in " + firsts, ratio > 2.8 && ratio < 3.2);
    }

    @Test
    public void weightIsTheSumOfLevelsInTheRequiredSkillsOnly() {
        Map<String, Integer> firsts = countAt(0, request("billing", Map.of("billing", 1, "spanish", 1),
                agent("1001", 0).skill("billing", 1).skill("spanish", 1).skill("french", 10),
                agent("1002", 0).skill("billing", 4).skill("spanish", 2)));

        // weights 2 and 6: the French level, not required, does not count
        assertEquals(firsts.toString(), 0.75, share(firsts, "1002"), 0.015);
    }

    @Test
    public void withoutRequiredSkillsEveryAgentWeighsTheSame() {
        Map<String, Integer> firsts = countAt(0, request("sales", Map.of(),
                agent("1001", 0).skill("billing", 9), agent("1002", 0).skill("billing", 1),
                agent("1003", 0)));

        for (String id : List.of("1001", "1002", "1003")) {
            assertEquals(firsts.toString(), 1 / 3.0, share(firsts, id), 0.015);
        }
    }

    @Test
    public void weightBelowOneCountsAsOne() {
        Map<String, Integer> firsts = countAt(0, request("billing", Map.of("billing", 1),
                agent("1001", 0), agent("1002", 0).skill("billing", 1)));

        assertEquals(firsts.toString(), 0.5, share(firsts, "1001"), 0.015);
    }

    @Test
    public void laterPlacesAreDrawnFromTheAgentsNotYetPlacedByTheirWeights() {
        // weights 6, 3, 1: P(1002 second) = 0.6 * 3/4 + 0.1 * 3/9 = 0.4833...
        Map<String, Integer> seconds = countAt(1, request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 6), agent("1002", 0).skill("billing", 3),
                agent("1003", 0).skill("billing", 1)));

        assertEquals(seconds.toString(), 0.6 * 3 / 4 + 0.1 * 3 / 9, share(seconds, "1002"), 0.015);
    }

    @Test
    public void everyCandidateIsRankedExactlyOnce() {
        RoutingRequest request = request("billing", Map.of("billing", 1),
                agent("1001", 0).skill("billing", 10), agent("1002", 0).skill("billing", 1),
                agent("1003", 0).skill("billing", 5), agent("1004", 0).skill("billing", 2));
        for (int i = 0; i < 200; i++) {
            List<String> ranked = strategy.decide(request).rankedAgentIds();
            assertEquals(4, ranked.size());
            assertEquals(Set.of("1001", "1002", "1003", "1004"), new HashSet<>(ranked));
        }
    }

    @Test
    public void reasonNamesTheAgentDrawnFirstAndItsWeight() {
        RoutingDecision decision = strategy.decide(request("billing", Map.of("spanish", 1, "billing", 1),
                agent("1001", 0).skill("billing", 3).skill("spanish", 4)));

        assertEquals("1001 drawn first with skill weight 7 of 7 in total (sum of levels in billing, spanish)",
                decision.reason());
        assertFalse(decision.ringAll());
    }

    @Test
    public void theComponentsOwnGeneratorRanksEveryCandidate() {
        RoutingDecision decision = new WeightedRandomStrategy().decide(request("sales",
                agent("1001", 0), agent("1002", 0)));

        assertEquals(Set.of("1001", "1002"), new HashSet<>(decision.rankedAgentIds()));
        assertTrue(decision.reason(), decision.reason().endsWith("of 2 candidates (no skill required, equal weights)"));
    }
}
