package ${package};

import static org.junit.Assert.assertEquals;

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

public class ${className}Test {

    private static final Instant NOW = Instant.parse("2024-05-06T10:00:00Z");

    @Test
    public void longestIdleAgentIsOfferedTheCallFirstAndTheReasonNamesIt() {
        CallSnapshot call = new CallSnapshot("call-1", "5551234", "4000", "support", 0, Duration.ofSeconds(5),
                Map.of(), Map.of(), Optional.empty());
        RoutingRequest request = new RoutingRequest(call,
                List.of(agent("1001", 30), agent("1002", 120), agent("1003", 60)), NOW);

        RoutingDecision decision = new ${className}().decide(request);

        assertEquals(List.of("1002", "1003", "1001"), decision.rankedAgentIds());
        assertEquals("longest idle: agent 1002, idle 120 s", decision.reason());
    }

    private static CandidateAgent agent(String id, long idleSeconds) {
        return new CandidateAgent(id, Map.of(), 0, NOW.minusSeconds(idleSeconds), 0, Duration.ZERO,
                Optional.empty());
    }
}
