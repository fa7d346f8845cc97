package org.switchboard.routing.strategy.random.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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

public class RandomStrategyTest {

    private static final RoutingRequest THREE = request("sales",
            agent("1001", 300), agent("1002", 200), agent("1003", 100));

    private static final RoutingRequest FIVE = request("sales",
            agent("1001", 1), agent("1002", 2), agent("1003", 3), agent("1004", 4), agent("1005", 5));

    @Test
    public void exactlyOneCandidateIsChosen() {
        RandomStrategy strategy = new RandomStrategy(new SplittableRandom(7));
        Set<String> ids = Set.of("1001", "1002", "1003", "1004", "1005");
        for (int i = 0; i < 100; i++) {
            RoutingDecision decision = strategy.decide(FIVE);
            assertEquals(1, decision.rankedAgentIds().size());
            assertTrue(decision.rankedAgentIds().toString(), ids.contains(decision.rankedAgentIds().get(0)));
        }
    }

    @Test
    public void everyPlaceInTheCandidatesIsAboutEquallyLikely() {
        RandomStrategy strategy = new RandomStrategy(new SplittableRandom(42));
        int draws = 50_000;
        Map<String, Integer> chosen = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            chosen.merge(strategy.decide(FIVE).rankedAgentIds().get(0), 1, Integer::sum);
        }

        // 10,000 expected each (standard deviation about 89): the first and the last place included
        assertEquals(chosen.toString(), 5, chosen.size());
        for (Map.Entry<String, Integer> agent : chosen.entrySet()) {
            assertTrue(chosen.toString(), Math.abs(agent.getValue() - draws / 5) < 500);
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
    public void theSameSeedGivesTheSameChoicesAndAnotherSeedOtherChoices() {
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
    public void reasonNamesTheAgentDrawn() {
        RoutingDecision decision = new RandomStrategy(new SplittableRandom(5)).decide(THREE);

        assertEquals(decision.rankedAgentIds().get(0) + " drawn first at random of 3 candidates", decision.reason());
        assertFalse(decision.ringAll());
    }

    @Test
    public void aSingleCandidateIsChosen() {
        RoutingDecision decision = new RandomStrategy(new SplittableRandom(5)).decide(request("sales",
                agent("1007", 0)));

        assertEquals(List.of("1007"), decision.rankedAgentIds());
        assertEquals("1007 drawn first at random of 1 candidate", decision.reason());
    }

    @Test
    public void theComponentsOwnGeneratorChoosesACandidate() {
        RoutingDecision decision = new RandomStrategy().decide(THREE);

        assertEquals(1, decision.rankedAgentIds().size());
        assertTrue(Set.of("1001", "1002", "1003").contains(decision.rankedAgentIds().get(0)));
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = RandomStrategy.class.getResourceAsStream("RandomStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
