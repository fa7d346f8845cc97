package org.switchboard.routing.strategy.fewestcalls.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to the agent who answered the fewest calls today; among those, to the one idle longest
 * (then by agent id).
 * <p>
 * One pass over the candidates comparing primitive keys; it returns only the chosen agent and may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=fewest-calls",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class FewestCallsStrategy implements RoutingStrategy {

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        CandidateAgent best = candidates.get(0);
        int bestCalls = best.callsAnsweredToday();
        Instant bestIdle = best.idleSince();
        long bestSecond = bestIdle.getEpochSecond();
        int bestNano = bestIdle.getNano();
        int tied = 1;
        for (int i = 1; i < count; i++) {
            CandidateAgent agent = candidates.get(i);
            int calls = agent.callsAnsweredToday();
            if (calls > bestCalls) {
                continue;
            }
            Instant idle = agent.idleSince();
            long second = idle.getEpochSecond();
            int nano = idle.getNano();
            if (calls < bestCalls) {
                tied = 1;
            } else {
                tied++;
                if (second > bestSecond || (second == bestSecond && (nano > bestNano
                        || (nano == bestNano && agent.agentId().compareTo(best.agentId()) >= 0)))) {
                    continue;
                }
            }
            best = agent;
            bestCalls = calls;
            bestSecond = second;
            bestNano = nano;
        }

        StringBuilder reason = new StringBuilder()
                .append(best.agentId()).append(" answered fewest calls today (").append(bestCalls).append(')');
        if (tied > 1) {
            long idle = Math.max(0, Duration.between(best.idleSince(), request.now()).toSeconds());
            reason.append(", idle longest (").append(idle).append(" s) of the ").append(tied)
                    .append(" with as few");
        }
        return RoutingDecision.choose(best.agentId(), reason.toString());
    }
}
