package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.Comparator;

import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * The distributor's own last resort: when neither a queue's strategy nor its fallback strategy can decide, the
 * agent idle the longest gets the call. It cannot be uninstalled, so routing never stops for want of a
 * strategy.
 */
final class LongestIdleFallback implements RoutingStrategy {
    static final InstalledStrategy INSTALLED = new InstalledStrategy("longest-idle", "org.switchboard.acd",
            "built-in", new LongestIdleFallback(), true);

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        CandidateAgent chosen = request.candidates().stream()
                .min(Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId))
                .orElseThrow();
        long idle = Duration.between(chosen.idleSince(), request.now()).toSeconds();
        return RoutingDecision.choose(chosen.agentId(), chosen.agentId() + " idle longest (" + idle + " s)");
    }
}
