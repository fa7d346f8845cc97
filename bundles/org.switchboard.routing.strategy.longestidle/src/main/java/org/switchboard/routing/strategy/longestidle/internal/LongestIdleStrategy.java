package org.switchboard.routing.strategy.longestidle.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to the agent who has been idle longest; agents idle since the same instant by agent id.
 * <p>
 * One pass over the candidates comparing primitive keys; it returns only the chosen agent and may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=longest-idle",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class LongestIdleStrategy implements RoutingStrategy {

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        CandidateAgent best = candidates.get(0);
        Instant bestIdle = best.idleSince();
        long bestSecond = bestIdle.getEpochSecond();
        int bestNano = bestIdle.getNano();
        int tied = 1;
        for (int i = 1; i < count; i++) {
            CandidateAgent agent = candidates.get(i);
            Instant idle = agent.idleSince();
            long second = idle.getEpochSecond();
            if (second > bestSecond) {
                continue;
            }
            int nano = idle.getNano();
            if (second < bestSecond || nano < bestNano) {
                best = agent;
                bestSecond = second;
                bestNano = nano;
                tied = 1;
            } else if (nano == bestNano) {
                tied++;
                if (agent.agentId().compareTo(best.agentId()) < 0) {
                    best = agent;
                }
            }
        }

        long idle = Math.max(0, Duration.between(best.idleSince(), request.now()).toSeconds());
        StringBuilder reason = new StringBuilder()
                .append(best.agentId()).append(" idle longest (").append(idle).append(" s)");
        int others = tied - 1;
        if (others > 0) {
            reason.append(", tied with ").append(others).append(others == 1 ? " other" : " others")
                    .append(", lowest agent id first");
        }
        reason.append(" of ").append(count).append(count == 1 ? " candidate" : " candidates");
        return RoutingDecision.choose(best.agentId(), reason.toString());
    }
}
