package org.switchboard.routing.strategy.previousagent.internal;

import java.time.Duration;
import java.util.Comparator;

import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;

/** The agent idle longest (then by agent id): what decides when the configured otherwise strategy cannot. */
final class LongestIdleChoice {
    private static final Comparator<CandidateAgent> IDLE_LONGEST = Comparator.comparing(CandidateAgent::idleSince)
            .thenComparing(CandidateAgent::agentId);

    private LongestIdleChoice() {
    }

    static RoutingDecision decide(RoutingRequest request) {
        CandidateAgent chosen = request.candidates().stream().min(IDLE_LONGEST).orElseThrow();
        long idle = Math.max(0, Duration.between(chosen.idleSince(), request.now()).toSeconds());
        return RoutingDecision.choose(chosen.agentId(), chosen.agentId() + " idle longest (" + idle + " s)");
    }
}
