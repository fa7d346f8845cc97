package org.switchboard.routing.strategy.longestidle.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/** Offers the call to the agent who has been idle longest; agents idle since the same instant by agent id. */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=longest-idle")
public class LongestIdleStrategy implements RoutingStrategy {

    private static final Comparator<CandidateAgent> LONGEST_IDLE_FIRST =
            Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId);

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> ranked = new ArrayList<>(request.candidates());
        ranked.sort(LONGEST_IDLE_FIRST);
        CandidateAgent first = ranked.get(0);
        long idle = Math.max(0, Duration.between(first.idleSince(), request.now()).toSeconds());
        StringBuilder reason = new StringBuilder()
                .append(first.agentId()).append(" idle longest (").append(idle).append(" s)");
        long tied = ranked.stream().filter(a -> a.idleSince().equals(first.idleSince())).count() - 1;
        if (tied > 0) {
            reason.append(", tied with ").append(tied).append(tied == 1 ? " other" : " others")
                    .append(", lowest agent id first");
        }
        reason.append(" of ").append(ranked.size()).append(ranked.size() == 1 ? " candidate" : " candidates");
        return RoutingDecision.ranked(ranked.stream().map(CandidateAgent::agentId).toList(), reason.toString());
    }
}
