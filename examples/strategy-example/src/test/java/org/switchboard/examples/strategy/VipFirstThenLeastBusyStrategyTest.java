package org.switchboard.examples.strategy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

public class VipFirstThenLeastBusyStrategyTest {

    private static final Instant NOW = Instant.parse("2024-05-06T10:00:00Z");

    private final RoutingStrategy strategy = new VipFirstThenLeastBusyStrategy();

    @Test
    public void vipCallGoesToTheAgentWithTheHighestVipLevel() {
        RoutingDecision decision = strategy.decide(request(vipCall(),
                agent("1001", 3, 0, 300),
                agent("1002", 9, 40, 10),
                agent("1003", 5, 1, 600)));

        assertEquals(List.of("1002", "1003", "1001"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
    }

    @Test
    public void vipCallBetweenEqualLevelsGoesToTheLongestIdle() {
        RoutingDecision decision = strategy.decide(request(vipCall(),
                agent("1001", 7, 0, 30),
                agent("1002", 7, 0, 120),
                agent("1003", 2, 0, 900)));

        assertEquals(List.of("1002", "1001", "1003"), decision.rankedAgentIds());
    }

    @Test
    public void agentWithoutTheVipSkillComesLastForAVipCall() {
        RoutingDecision decision = strategy.decide(request(vipCall(),
                agentWithSkills("1001", Map.of("billing", 10), 0, 900),
                agent("1002", 1, 50, 5)));

        assertEquals(List.of("1002", "1001"), decision.rankedAgentIds());
    }

    @Test
    public void knownCustomerIsTreatedAsVip() {
        CallSnapshot call = call(Map.of(), Optional.of("C-42"));

        RoutingDecision decision = strategy.decide(request(call,
                agent("1001", 2, 0, 600),
                agent("1002", 8, 30, 5)));

        assertEquals("1002", decision.rankedAgentIds().get(0));
        assertTrue(decision.reason(), decision.reason().contains("known customer C-42"));
    }

    @Test
    public void vipFlagIsReadWithoutRegardToCase() {
        CallSnapshot call = call(Map.of("vip", "TRUE"), Optional.empty());

        RoutingDecision decision = strategy.decide(request(call,
                agent("1001", 1, 0, 600),
                agent("1002", 6, 30, 5)));

        assertEquals("1002", decision.rankedAgentIds().get(0));
    }

    @Test
    public void ordinaryCallGoesToTheAgentWhoAnsweredTheFewestCallsToday() {
        RoutingDecision decision = strategy.decide(request(ordinaryCall(),
                agent("1001", 9, 12, 600),
                agent("1002", 0, 3, 10),
                agent("1003", 5, 7, 900)));

        assertEquals(List.of("1002", "1003", "1001"), decision.rankedAgentIds());
    }

    @Test
    public void ordinaryCallBetweenEquallyBusyAgentsGoesToTheLongestIdle() {
        RoutingDecision decision = strategy.decide(request(ordinaryCall(),
                agent("1001", 0, 4, 60),
                agent("1002", 0, 4, 240),
                agent("1003", 0, 9, 999)));

        assertEquals(List.of("1002", "1001", "1003"), decision.rankedAgentIds());
    }

    @Test
    public void vipFalseIsAnOrdinaryCall() {
        CallSnapshot call = call(Map.of("vip", "false"), Optional.empty());

        RoutingDecision decision = strategy.decide(request(call,
                agent("1001", 10, 20, 600),
                agent("1002", 0, 1, 5)));

        assertEquals("1002", decision.rankedAgentIds().get(0));
        assertTrue(decision.reason(), decision.reason().startsWith("least-busy"));
    }

    @Test
    public void reasonNamesTheVipRuleTheAgentItsLevelAndIdleTime() {
        RoutingDecision decision = strategy.decide(request(vipCall(),
                agent("1001", 3, 0, 300),
                agent("1002", 9, 40, 42)));

        assertEquals("vip-first (vip=true): agent 1002 has the highest vip level (9), idle 42 s",
                decision.reason());
    }

    @Test
    public void reasonNamesTheLeastBusyRuleTheAgentAndItsCallCount() {
        RoutingDecision decision = strategy.decide(request(ordinaryCall(),
                agent("1001", 0, 5, 300),
                agent("1003", 0, 2, 75)));

        assertEquals("least-busy: agent 1003 answered the fewest calls today (2), idle 75 s",
                decision.reason());
    }

    @Test
    public void everyCandidateIsRankedExactlyOnce() {
        RoutingDecision decision = strategy.decide(request(ordinaryCall(),
                agent("a", 0, 1, 1), agent("b", 0, 1, 1), agent("c", 0, 0, 1), agent("d", 0, 2, 1)));

        assertEquals(List.of("c", "a", "b", "d"), decision.rankedAgentIds());
    }

    @Test
    public void singleCandidateIsChosen() {
        RoutingDecision decision = strategy.decide(request(vipCall(), agent("1001", 0, 99, 1)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
    }

    @Test
    public void registersUnderItsPublishedName() {
        assertEquals("vip-first-then-least-busy", VipFirstThenLeastBusyStrategy.NAME);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static CallSnapshot vipCall() {
        return call(Map.of("vip", "true"), Optional.empty());
    }

    private static CallSnapshot ordinaryCall() {
        return call(Map.of(), Optional.empty());
    }

    private static CallSnapshot call(Map<String, String> variables, Optional<String> customerId) {
        return new CallSnapshot("call-1", "5551234", "4000", "support", 0, Duration.ofSeconds(12), variables,
                Map.of(), customerId);
    }

    /** An agent with the given level in the skill "vip" (0: without it), calls answered today and idle time. */
    private static CandidateAgent agent(String id, int vipLevel, int callsToday, long idleSeconds) {
        return agentWithSkills(id, vipLevel == 0 ? Map.of() : Map.of("vip", vipLevel), callsToday, idleSeconds);
    }

    private static CandidateAgent agentWithSkills(String id, Map<String, Integer> skills, int callsToday,
            long idleSeconds) {
        return new CandidateAgent(id, skills, 0, NOW.minusSeconds(idleSeconds), callsToday,
                Duration.ofMinutes(callsToday * 4L), Optional.empty());
    }

    private static RoutingRequest request(CallSnapshot call, CandidateAgent... candidates) {
        return new RoutingRequest(call, List.of(candidates), NOW);
    }
}
