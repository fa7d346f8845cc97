package org.switchboard.routing.strategy.previousagent.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.routing.testing.RoutingFixtures.NOW;
import static org.switchboard.routing.testing.RoutingFixtures.agent;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;
import org.switchboard.routing.testing.RoutingFixtures.Agent;

public class PreviousAgentStrategyTest {

    private static final Map<String, String> KNOWN_CALLER = Map.of("crm.customerId", "C-17",
            "crm.customerName", "Li Wei", "crm.vipLevel", "2", "crm.previousAgent", "1002");

    private final PreviousAgentStrategy strategy = new PreviousAgentStrategy();

    @Test
    public void knownCallerGoesToThePreviousAgentEvenWhenOthersIdleLonger() {
        RoutingDecision decision = strategy.decide(request(KNOWN_CALLER, 3, agent("1001", 300), agent("1002", 5)));

        assertEquals(List.of("1002"), decision.rankedAgentIds());
        assertFalse(decision.ringAll());
        assertEquals("customer C-17 (Li Wei, VIP 2) goes back to 1002, who served them last", decision.reason());
    }

    @Test
    public void callWaitsWhileThePreviousAgentIsNotAvailableAndTheWaitIsNotOver() {
        RoutingDecision decision = strategy.decide(request(KNOWN_CALLER, 7, agent("1001", 300), agent("1003", 60)));

        assertTrue(decision.rankedAgentIds().isEmpty());
        assertEquals("customer C-17 (Li Wei, VIP 2) waits for 1002, who served them last and is not available "
                + "(waited 7 of 20 s)", decision.reason());
    }

    @Test
    public void afterTheWaitTheOtherwiseStrategyDecides() {
        strategy.addStrategy(fixed("1003", "1003 by the book"), named("longest-idle"));

        RoutingDecision decision = strategy.decide(request(KNOWN_CALLER, 20, agent("1001", 300), agent("1003", 60)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("customer C-17 (Li Wei, VIP 2): 1002, who served them last, not available within 20 s; "
                + "longest-idle: 1003 by the book", decision.reason());
    }

    @Test
    public void theConfiguredOtherwiseStrategyIsTheOneAsked() {
        strategy.addStrategy(fixed("1001", "picked by longest-idle"), named("longest-idle"));
        strategy.addStrategy(fixed("1003", "picked by round-robin"), named("round-robin"));
        strategy.configure(Map.of("otherwise", "round-robin"));

        RoutingDecision decision = strategy.decide(request(Map.of(), 0, agent("1001", 300), agent("1003", 60)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("caller +15550100 not known to the CRM; round-robin: picked by round-robin", decision.reason());
    }

    @Test
    public void unknownCallerIsDecidedByTheOtherwiseStrategyAtOnce() {
        strategy.addStrategy(fixed("1003", "1003 chosen"), named("longest-idle"));

        RoutingDecision decision = strategy.decide(request(Map.of(), 0, agent("1001", 300), agent("1003", 60)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("caller +15550100 not known to the CRM; longest-idle: 1003 chosen", decision.reason());
    }

    @Test
    public void knownCallerWithoutPreviousAgentIsDecidedByTheOtherwiseStrategyAtOnce() {
        strategy.addStrategy(fixed("1003", "1003 chosen"), named("longest-idle"));
        Map<String, String> firstCall = Map.of("crm.customerId", "C-18", "crm.customerName", "Ana Ruiz");

        RoutingDecision decision = strategy.decide(request(firstCall, 0, agent("1001", 300), agent("1003", 60)));

        assertEquals(List.of("1003"), decision.rankedAgentIds());
        assertEquals("customer C-18 (Ana Ruiz) has no previous agent; longest-idle: 1003 chosen", decision.reason());
    }

    @Test
    public void withoutTheOtherwiseStrategyTheAgentIdleLongestIsChosen() {
        RoutingDecision decision = strategy.decide(request(KNOWN_CALLER, 25, agent("1003", 60), agent("1001", 300)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertEquals("customer C-17 (Li Wei, VIP 2): 1002, who served them last, not available within 20 s; "
                + "longest-idle is not installed, longest idle: 1001 idle longest (300 s)", decision.reason());
    }

    @Test
    public void anOtherwiseStrategyThatIsGoneNoLongerDecides() {
        RoutingStrategy roundRobin = fixed("1003", "round-robin chose 1003");
        strategy.addStrategy(roundRobin, named("round-robin"));
        strategy.configure(Map.of("otherwise", "round-robin"));
        strategy.removeStrategy(roundRobin);

        RoutingDecision decision = strategy.decide(request(Map.of(), 0, agent("1003", 60), agent("1001", 300)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
    }

    @Test
    public void anOtherwiseStrategyThatThrowsIsReplacedByTheAgentIdleLongest() {
        strategy.addStrategy(request -> {
            throw new IllegalStateException("broken");
        }, named("longest-idle"));

        RoutingDecision decision = strategy.decide(request(Map.of(), 0, agent("1003", 60), agent("1001", 300)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertTrue(decision.reason(), decision.reason().contains("longest-idle failed, longest idle: 1001"));
    }

    @Test
    public void theOtherwiseStrategysRingAllIsKept() {
        strategy.addStrategy(request -> RoutingDecision.ringAll(List.of("1001", "1003"), "all of them"),
                named("ring-all"));
        strategy.configure(Map.of("otherwise", "ring-all"));

        RoutingDecision decision = strategy.decide(request(Map.of(), 0, agent("1001", 1), agent("1003", 2)));

        assertTrue(decision.ringAll());
        assertEquals(List.of("1001", "1003"), decision.rankedAgentIds());
    }

    @Test
    public void withoutWaitThePreviousAgentIsTakenOnlyWhenAvailableNow() {
        strategy.configure(Map.of("waitForPreviousAgentSeconds", "0"));

        assertEquals(List.of("1002"), strategy.decide(request(KNOWN_CALLER, 0, agent("1001", 300),
                agent("1002", 1))).rankedAgentIds());
        assertEquals(List.of("1001"), strategy.decide(request(KNOWN_CALLER, 0, agent("1001", 300),
                agent("1003", 1))).rankedAgentIds());
    }

    @Test
    public void theWaitIsConfigurable() {
        strategy.configure(Map.of("waitForPreviousAgentSeconds", "5"));

        assertTrue(strategy.decide(request(KNOWN_CALLER, 4, agent("1001", 300))).rankedAgentIds().isEmpty());
        assertEquals(List.of("1001"), strategy.decide(request(KNOWN_CALLER, 5, agent("1001", 300)))
                .rankedAgentIds());
    }

    @Test
    public void aBadConfigurationKeepsThePreviousSettings() {
        strategy.configure(Map.of("waitForPreviousAgentSeconds", "30", "otherwise", "round-robin"));
        strategy.configure(Map.of("waitForPreviousAgentSeconds", "soon", "otherwise", "fewest-calls"));

        assertEquals(Duration.ofSeconds(30), strategy.settings().waitForPreviousAgent());
        assertEquals("round-robin", strategy.settings().otherwise());
    }

    @Test
    public void customerIdOfTheCallIsUsedWhenTheVariablesDoNotNameIt() {
        Map<String, String> variables = new HashMap<>(KNOWN_CALLER);
        variables.remove("crm.customerId");
        variables.remove("crm.vipLevel");
        CallSnapshot call = new CallSnapshot("CALL-1", "+15550100", "4000", "support", 0, Duration.ZERO, variables,
                Map.of(), Optional.of("C-99"));

        RoutingDecision decision = strategy.decide(new RoutingRequest(call, List.of(agent("1002", 1).build()), NOW));

        assertEquals("customer C-99 (Li Wei) goes back to 1002, who served them last", decision.reason());
    }

    @Test
    public void aBlankPreviousAgentMeansNone() {
        Map<String, String> variables = new HashMap<>(KNOWN_CALLER);
        variables.put("crm.previousAgent", " ");

        RoutingDecision decision = strategy.decide(request(variables, 0, agent("1001", 300)));

        assertEquals(List.of("1001"), decision.rankedAgentIds());
        assertTrue(decision.reason(), decision.reason().startsWith("customer C-17 (Li Wei, VIP 2) has no previous"));
    }

    private static RoutingRequest request(Map<String, String> variables, long waitedSeconds, Agent... agents) {
        CallSnapshot call = new CallSnapshot("CALL-1", "+15550100", "4000", "support", 0,
                Duration.ofSeconds(waitedSeconds), variables, Map.of(), Optional.empty());
        return new RoutingRequest(call, Arrays.stream(agents).map(Agent::build).toList(), NOW);
    }

    private static RoutingStrategy fixed(String agentId, String reason) {
        return request -> RoutingDecision.choose(agentId, reason);
    }

    private static Map<String, Object> named(String name) {
        return Map.of(RoutingStrategy.NAME_PROPERTY, name);
    }
}
