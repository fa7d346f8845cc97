package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.StrategyInfo;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.Disposition;

/** Queues route through strategy bundles that an operator swaps, stops and adds while the server runs. */
public class RoutingTest extends SwitchboardTestSupport {

    @Before
    public void twoAgentsWithRegisteredPhones() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        registerPhoneIfNeeded("1002", AGENT_1002_PORT);
    }

    @After
    public void backToLongestIdle() throws Exception {
        useStrategy("longest-idle");
    }

    @Test
    public void theEightShippedStrategiesAreInstalledAsBundles() throws Exception {
        List<String> names = agents().strategies().stream().map(StrategyInfo::name).toList();
        assertTrue(names.toString(), names.containsAll(List.of("longest-idle", "round-robin", "fewest-calls",
                "least-talk-time", "random", "weighted-random", "skills-best-match", "ring-all")));
        String listed = execute("callcenter:strategies");
        assertTrue(listed, listed.contains("org.switchboard.routing.strategy.roundrobin"));
    }

    @Test
    public void everyShippedStrategyRoutesARealCallAndSignsItsDecision() throws Exception {
        onlyAvailable("1001", "1002");
        for (String strategy : List.of("longest-idle", "round-robin", "fewest-calls", "least-talk-time", "random",
                "weighted-random", "skills-best-match")) {
            useStrategy(strategy);
            RoutingDecisionRecord decision = decisionOf(answeredCall());
            assertEquals(strategy, decision.strategy());
            assertEquals(null, decision.fallbackCause());
            assertEquals(2, decision.candidates());
        }
    }

    @Test
    public void roundRobinSetFromTheShellAlternatesAgentsAndWhyExplainsEachDecision() throws Exception {
        useStrategy("round-robin");
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.switchboard.acd.queue-support.cfg");
        awaitCondition("strategy written back to the cfg file", () -> read(cfg).contains("round-robin"));
        onlyAvailable("1001", "1002");

        List<CallDetailRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(answeredCall());
        }

        assertNotEquals(calls.get(0).agentId(), calls.get(1).agentId());
        assertEquals(calls.get(0).agentId(), calls.get(2).agentId());
        RoutingDecisionRecord decision = service(RoutingDecisionLog.class).forCall(calls.get(1).callId()).get(0);
        assertEquals("round-robin", decision.strategy());
        assertEquals(bundle("org.switchboard.routing.strategy.roundrobin").getVersion().toString(),
                decision.strategyVersion());
        assertEquals(2, decision.candidates());
        String why = execute("callcenter:why " + calls.get(1).callId());
        assertTrue(why, why.contains("round-robin") && why.contains(decision.reason()));
    }

    @Test
    public void stoppingTheStrategyInUseFallsBackAndStartingItAgainBringsItBack() throws Exception {
        useStrategy("fewest-calls");
        onlyAvailable("1001", "1002");
        Bundle fewestCalls = bundle("org.switchboard.routing.strategy.fewestcalls");

        fewestCalls.stop();
        try {
            awaitCondition("fallback in use",
                    () -> agents().queue("support").orElseThrow().strategyInUse().equals("longest-idle"));
            CallDetailRecord duringStop = answeredCall();
            RoutingDecisionRecord fallback = decisionOf(duringStop);
            assertEquals("longest-idle", fallback.strategy());
            assertEquals("strategy fewest-calls is not installed", fallback.fallbackCause());
        } finally {
            fewestCalls.start();
        }
        awaitCondition("fewest-calls back",
                () -> agents().queue("support").orElseThrow().strategyInUse().equals("fewest-calls"));
        assertEquals("fewest-calls", decisionOf(answeredCall()).strategy());
    }

    @Test
    public void uninstallingTheFeatureOfTheStrategyInUseFallsBackAndInstallingItAgainBringsItBack()
            throws Exception {
        useStrategy("least-talk-time");
        onlyAvailable("1001", "1002");
        org.apache.karaf.features.FeaturesService features = service(org.apache.karaf.features.FeaturesService.class);

        features.uninstallFeature("switchboard-strategy-least-talk-time");
        try {
            awaitCondition("fallback in use",
                    () -> agents().queue("support").orElseThrow().strategyInUse().equals("longest-idle"));
            assertEquals("longest-idle", decisionOf(answeredCall()).strategy());
        } finally {
            features.installFeature("switchboard-strategy-least-talk-time");
        }
        awaitCondition("least-talk-time back",
                () -> agents().queue("support").orElseThrow().strategyInUse().equals("least-talk-time"));
        assertEquals("least-talk-time", decisionOf(answeredCall()).strategy());
    }

    @Test
    public void ringAllRingsEveryAvailableAgentAndTheFirstToAnswerTakesTheCall() throws Exception {
        useStrategy("ring-all");
        onlyAvailable("1001", "1002");
        Set<String> before = callIds();

        Sipp.Run answers = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        Sipp.Run onlyRings = sipp.start("agent-rings.xml", AGENT_1002_PORT, "-s", "1002");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        answers.expectSuccess();
        onlyRings.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertEquals("1001", call.agentId());
        RoutingDecisionRecord decision = decisionOf(call);
        assertEquals("ring-all", decision.strategy());
        assertEquals(Set.of("1001", "1002"), Set.of(decision.chosenAgent().split(",")));
    }

    @Test
    public void strategyAnIsvDropsIntoDeployRoutesCallsOnceTheQueueNamesIt() throws Exception {
        Path jar = Path.of(System.getProperty("switchboard.example.strategy"));
        Path deployed = Path.of(System.getProperty("karaf.home"), "deploy", "strategy-example.jar");
        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        try {
            awaitCondition("the example strategy installed", () -> agents().strategies().stream()
                    .anyMatch(s -> s.name().equals("vip-first-then-least-busy")));
            useStrategy("vip-first-then-least-busy");
            onlyAvailable("1001", "1002");

            RoutingDecisionRecord decision = decisionOf(answeredCall());

            assertEquals("vip-first-then-least-busy", decision.strategy());
            assertTrue(decision.reason(), decision.reason().contains("fewest"));
        } finally {
            Files.delete(deployed);
        }
        awaitCondition("the example strategy gone", () -> agents().strategies().stream()
                .noneMatch(s -> s.name().equals("vip-first-then-least-busy")));
    }

    /** One call from the caller, answered by whichever of 1001 and 1002 the strategy picks. */
    private CallDetailRecord answeredCall() throws Exception {
        Set<String> before = callIds();
        Sipp.Run first = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        Sipp.Run second = sipp.start("agent-answer.xml", AGENT_1002_PORT, "-s", "1002");
        sipp.play("caller-short.xml", CALLER_PORT, "-s", "4000");
        CallDetailRecord call = endedCallSince(before);
        (call.agentId().equals("1001") ? first : second).expectSuccess();
        (call.agentId().equals("1001") ? second : first).stop();
        assertEquals(Disposition.ANSWERED, call.disposition());
        return call;
    }

    private RoutingDecisionRecord decisionOf(CallDetailRecord call) {
        List<RoutingDecisionRecord> decisions = service(RoutingDecisionLog.class).forCall(call.callId());
        assertEquals(decisions.toString(), 1, decisions.size());
        return decisions.get(0);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
