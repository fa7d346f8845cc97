package org.switchboard.routing.strategy.fewestcalls.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to the agent who answered the fewest calls today; among those, to the one idle longest
 * (then by agent id).
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=fewest-calls")
public class FewestCallsStrategy implements RoutingStrategy {

    private static final Comparator<CandidateAgent> FEWEST_CALLS_FIRST =
            Comparator.comparingInt(CandidateAgent::callsAnsweredToday)
                    .thenComparing(CandidateAgent::idleSince)
                    .thenComparing(CandidateAgent::agentId);

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> ranked = new ArrayList<>(request.candidates());
        ranked.sort(FEWEST_CALLS_FIRST);
        CandidateAgent first = ranked.get(0);
        StringBuilder reason = new StringBuilder()
                .append(first.agentId()).append(" answered fewest calls today (")
                .append(first.callsAnsweredToday()).append(')');
        long tied = ranked.stream().filter(a -> a.callsAnsweredToday() == first.callsAnsweredToday()).count();
        if (tied > 1) {
            long idle = Math.max(0, Duration.between(first.idleSince(), request.now()).toSeconds());
            reason.append(", idle longest (").append(idle).append(" s) of the ").append(tied)
                    .append(" with as few");
        }
        return RoutingDecision.ranked(ranked.stream().map(CandidateAgent::agentId).toList(), reason.toString());
    }
}
