package org.switchboard.routing.strategy.roundrobin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.agent;
import static org.switchboard.routing.testing.RoutingFixtures.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.switchboard.routing.testing.RoutingFixtures;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

public class RoundRobinStrategyTest {

    private final RoundRobinStrategy strategy = new RoundRobinStrategy();

    private RoutingRequest sales(String... ids) {
        RoutingFixtures.Agent[] agents = new RoutingFixtures.Agent[ids.length];
        for (int i = 0; i < ids.length; i++) {
            // idle times deliberately unrelated to the id order: round robin must ignore them
            agents[i] = agent(ids[i], 10L * ((i * 7) % ids.length));
        }
        return request("sales", agents);
    }

    private String first(RoutingRequest request) {
        return strategy.decide(request).rankedAgentIds().get(0);
    }

    @Test
    public void firstCallGoesToTheLowestAgentIdAlone() {
        RoutingDecision decision = strategy.decide(sales("1003", "1001", "1002"));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
    }

    @Test
    public void positionAdvancesPastTheAgentChosenLastTime() {
        RoutingRequest request = sales("1003", "1001", "1002");

        assertEquals(List.of("1001"), strategy.decide(request).rankedAgentIds());
        assertEquals(List.of("1002"), strategy.decide(request).rankedAgentIds());
        assertEquals(List.of("1003"), strategy.decide(request).rankedAgentIds());
    }

    @Test
    public void agentIdsAreTakenInTheirStringOrder() {
        RoutingRequest request = sales("999", "1000", "20", "3");

        List<String> firsts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            firsts.add(first(request));
        }

        assertEquals(List.of("1000", "20", "3", "999", "1000"), firsts);
    }

    @Test
    public void rotationWrapsRoundAfterTheHighestAgentId() {
        RoutingRequest request = sales("1001", "1002", "1003");
        List<String> firsts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            firsts.add(first(request));
        }

        assertEquals(List.of("1001", "1002", "1003", "1001", "1002", "1003", "1001"), firsts);
    }

    @Test
    public void positionIsKeptPerQueue() {
        assertEquals("1001", first(request("sales", agent("1001", 0), agent("1002", 0), agent("1003", 0))));
        assertEquals("1002", first(request("sales", agent("1001", 0), agent("1002", 0), agent("1003", 0))));

        assertEquals("1001", first(request("support", agent("1001", 0), agent("1002", 0), agent("1003", 0))));
        assertEquals("1003", first(request("sales", agent("1001", 0), agent("1002", 0), agent("1003", 0))));
        assertEquals("1002", first(request("support", agent("1001", 0), agent("1002", 0), agent("1003", 0))));
    }

    @Test
    public void agentWhoLeftIsSkippedAndTheRotationGoesOn() {
        assertEquals("1001", first(sales("1001", "1002", "1003", "1004")));
        assertEquals("1002", first(sales("1001", "1002", "1003", "1004")));

        // 1002, chosen last, and 1003, next in turn, are no longer candidates
        RoutingDecision decision = strategy.decide(sales("1001", "1004"));

        assertEquals(List.of("1004"), decision.rankedAgentIds());
        assertEquals("1004 next in rotation of queue sales after 1002 (no longer a candidate)", decision.reason());
    }

    @Test
    public void whenTheAgentChosenLastHasLeftAndNoneFollowsTheRotationWrapsRound() {
        assertEquals("1001", first(sales("1001", "1002", "1003")));
        assertEquals("1002", first(sales("1001", "1002", "1003")));
        assertEquals("1003", first(sales("1001", "1002", "1003")));

        RoutingDecision decision = strategy.decide(sales("1002", "1001"));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 next in rotation of queue sales after 1003 (no longer a candidate), wrapped round to "
                + "the lowest agent id", decision.reason());
    }

    @Test
    public void aSingleCandidateChosenLastTimeIsChosenAgain() {
        assertEquals("1001", first(sales("1001", "1002")));

        RoutingDecision decision = strategy.decide(sales("1001"));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 next in rotation of queue sales after 1001, wrapped round to the lowest agent id",
                decision.reason());
    }

    @Test
    public void agentWhoJoinedTakesTheTurnThatFallsToTheAgentId() {
        assertEquals("1001", first(sales("1001", "1003")));

        assertEquals("1002", first(sales("1001", "1002", "1003")));
        assertEquals("1003", first(sales("1001", "1002", "1003")));
    }

    @Test
    public void whenNoCandidateFollowsTheLastChosenTheRotationWrapsRound() {
        assertEquals("1001", first(sales("1001", "1002", "1003")));
        assertEquals("1002", first(sales("1001", "1002", "1003")));
        assertEquals("1003", first(sales("1001", "1002", "1003")));

        RoutingDecision decision = strategy.decide(sales("1003", "1002", "1001"));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("1001 next in rotation of queue sales after 1003, wrapped round to the lowest agent id",
                decision.reason());
    }

    @Test
    public void reasonNamesTheChosenAgentTheQueueAndTheAgentChosenBefore() {
        RoutingRequest request = sales("1001", "1002");

        assertEquals("1001 first in rotation of queue sales (lowest agent id of 2 candidates)",
                strategy.decide(request).reason());
        assertEquals("1002 next in rotation of queue sales after 1001", strategy.decide(request).reason());
    }

    @Test
    public void concurrentDecisionsInOneQueueTakeEveryTurnExactlyOnce() throws Exception {
        RoutingRequest request = sales("1001", "1002", "1003", "1004", "1005");
        int threads = 8;
        int perThread = 500;
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        counts.merge(first(request), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // 4000 decisions over 5 agents: a lost or doubled update of the position would skew the counts
        for (String id : List.of("1001", "1002", "1003", "1004", "1005")) {
            assertEquals(id, Integer.valueOf(threads * perThread / 5), counts.get(id));
        }
    }

    @Test
    public void componentDeclaresThatItMayRunInline() throws IOException {
        // @Component is not retained at run time: its properties are constants in the compiled class
        try (InputStream in = RoundRobinStrategy.class.getResourceAsStream("RoundRobinStrategy.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(classFile.contains(RoutingStrategy.INLINE_PROPERTY + "=true"));
        }
    }
}
