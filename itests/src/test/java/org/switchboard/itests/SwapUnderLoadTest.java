package org.switchboard.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;

/**
 * The promise of the routing SPI: while calls flow at a steady rate, an operator swaps the queue's strategy and
 * updates and stops the strategy bundle in use, ten times; every call is answered exactly once, none is lost.
 */
public class SwapUnderLoadTest extends SwitchboardTestSupport {
    private static final int CALLS = 60;
    private static final String CALLS_PER_SECOND = "4";

    @After
    public void backToLongestIdle() throws Exception {
        useStrategy("longest-idle");
    }

    @Test
    public void swappingUpdatingAndStoppingStrategiesUnderLoadLosesNoCall() throws Exception {
        Map<String, Integer> agentPorts = Map.of("1001", AGENT_1001_PORT, "1002", AGENT_1002_PORT, "1003",
                AGENT_1003_PORT);
        for (Map.Entry<String, Integer> agent : agentPorts.entrySet()) {
            registerPhoneIfNeeded(agent.getKey(), agent.getValue());
        }
        onlyAvailable("1001", "1002", "1003");
        useStrategy("round-robin");
        Set<String> before = callIds();
        List<Sipp.Run> phones = new java.util.ArrayList<>();
        for (Map.Entry<String, Integer> agent : agentPorts.entrySet()) {
            phones.add(sipp.start("agent-answer.xml", agent.getValue(), CALLS, "-s", agent.getKey()));
        }

        Sipp.Run callers = sipp.start("caller-short.xml", CALLER_PORT, CALLS, "-s", "4000", "-r", CALLS_PER_SECOND,
                "-l", "20");
        Bundle roundRobin = bundle("org.switchboard.routing.strategy.roundrobin");
        List<Runnable> swaps = List.of(
                () -> strategy("fewest-calls"),
                () -> strategy("round-robin"),
                () -> quietly(roundRobin::update),
                () -> strategy("least-talk-time"),
                () -> strategy("round-robin"),
                () -> quietly(roundRobin::stop),
                () -> quietly(roundRobin::start),
                () -> strategy("random"),
                () -> strategy("skills-best-match"),
                () -> strategy("round-robin"));
        for (Runnable swap : swaps) {
            Thread.sleep(1_200);
            swap.run();
        }
        callers.expectSuccess();
        for (Sipp.Run phone : phones) {
            phone.stop();
        }

        awaitCondition(CALLS + " calls recorded and ended", () -> newCalls(before).size() == CALLS
                && newCalls(before).stream().allMatch(c -> c.state() == CallState.ENDED));
        List<CallDetailRecord> calls = newCalls(before);
        Map<Disposition, Long> dispositions = calls.stream()
                .collect(Collectors.groupingBy(CallDetailRecord::disposition, Collectors.counting()));
        assertEquals(Map.of(Disposition.ANSWERED, (long) CALLS), dispositions);
        for (CallDetailRecord call : calls) {
            List<CallState> states = records().history(call.callId()).stream().map(CallStateChange::state).toList();
            assertEquals(call.callId() + " " + states, 1, states.stream().filter(s -> s == CallState.ANSWERED).count());
        }
        Map<String, Long> perAgent = calls.stream()
                .collect(Collectors.groupingBy(CallDetailRecord::agentId, Collectors.counting()));
        assertEquals(perAgent.toString(), agentPorts.keySet(), perAgent.keySet());
    }

    private List<CallDetailRecord> newCalls(Set<String> before) {
        return records().recent(1000).stream().filter(c -> !before.contains(c.callId())).toList();
    }

    private void strategy(String name) {
        try {
            useStrategy(name);
        } catch (Exception e) {
            throw new AssertionError("could not switch to " + name, e);
        }
    }

    private static void quietly(ThrowingAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
