package org.switchboard.routing.strategy.random.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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

public class RandomStrategyTest {

    private static final RoutingRequest THREE = request("sales",
            agent("1001", 300), agent("1002", 200), agent("1003", 100));

    @Test
    public void everyCandidateIsRankedExactlyOnce() {
        RandomStrategy strategy = new RandomStrategy(new SplittableRandom(7));
        RoutingRequest request = request("sales",
                agent("1001", 1), agent("1002", 2), agent("1003", 3), agent("1004", 4), agent("1005", 5));
        for (int i = 0; i < 100; i++) {
            List<String> ranked = strategy.decide(request).rankedAgentIds();
            assertEquals(5, ranked.size());
            assertEquals(Set.of("1001", "1002", "1003", "1004", "1005"), new HashSet<>(ranked));
        }
    }

    @Test
    public void everyOrderIsAboutEquallyLikely() {
        RandomStrategy strategy = new RandomStrategy(new SplittableRandom(42));
        int draws = 60_000;
        Map<List<String>, Integer> orders = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            orders.merge(strategy.decide(THREE).rankedAgentIds(), 1, Integer::sum);
        }

        // 3 candidates have 6 orders, 10,000 expected each (standard deviation about 91)
        assertEquals(orders.toString(), 6, orders.size());
        for (Map.Entry<List<String>, Integer> order : orders.entrySet()) {
            assertTrue(orders.toString(), Math.abs(order.getValue() - draws / 6) < 500);
        }
    }

    @Test
    public void idleTimeAndInputOrderDoNotFavourAnyAgent() {
        RandomStrategy strategy = new RandomStrategy(new SplittableRandom(3));
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            firsts.merge(strategy.decide(THREE).rankedAgentIds().get(0), 1, Integer::sum);
        }

        for (String id : List.of("1001", "1002", "1003")) {
            assertTrue(firsts.toString(), Math.abs(firsts.get(id) - 10_000) < 500);
        }
    }

    @Test
    public void theSameSeedGivesTheSameOrdersAndAnotherSeedOtherOrders() {
        RandomStrategy one = new RandomStrategy(new SplittableRandom(11));
        RandomStrategy same = new RandomStrategy(new SplittableRandom(11));
        RandomStrategy other = new RandomStrategy(new SplittableRandom(12));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            a.append(one.decide(THREE).rankedAgentIds());
            b.append(same.decide(THREE).rankedAgentIds());
            c.append(other.decide(THREE).rankedAgentIds());
        }

        assertEquals(a.toString(), b.toString());
        assertNotEquals(a.toString(), c.toString());
    }

    @Test
    public void reasonNamesTheAgentDrawnFirst() {
        RoutingDecision decision = new RandomStrategy(new SplittableRandom(5)).decide(THREE);

        assertEquals(decision.rankedAgentIds().get(0) + " drawn first at random of 3 candidates", decision.reason());
        assertFalse(decision.ringAll());
    }

    @Test
    public void theComponentsOwnGeneratorRanksEveryCandidate() {
        RoutingDecision decision = new RandomStrategy().decide(THREE);

        assertEquals(Set.of("1001", "1002", "1003"), new HashSet<>(decision.rankedAgentIds()));
    }
}
