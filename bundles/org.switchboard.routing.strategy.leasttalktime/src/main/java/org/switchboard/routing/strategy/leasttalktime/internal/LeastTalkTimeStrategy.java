package org.switchboard.routing.strategy.leasttalktime.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to the agent who talked least today; among those, to the one idle longest (then by agent
 * id).
 * <p>
 * One pass over the candidates comparing primitive keys; it returns only the chosen agent and may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=least-talk-time",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class LeastTalkTimeStrategy implements RoutingStrategy {

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        CandidateAgent best = candidates.get(0);
        // Duration and Instant compare by (seconds, nanos): compared here the same way, without overflow.
        Duration bestTalk = best.talkTimeToday();
        long bestTalkSeconds = bestTalk.getSeconds();
        int bestTalkNanos = bestTalk.getNano();
        Instant bestIdle = best.idleSince();
        long bestSecond = bestIdle.getEpochSecond();
        int bestNano = bestIdle.getNano();
        int tied = 1;
        for (int i = 1; i < count; i++) {
            CandidateAgent agent = candidates.get(i);
            Duration talk = agent.talkTimeToday();
            long talkSeconds = talk.getSeconds();
            if (talkSeconds > bestTalkSeconds) {
                continue;
            }
            int talkNanos = talk.getNano();
            if (talkSeconds == bestTalkSeconds && talkNanos > bestTalkNanos) {
                continue;
            }
            Instant idle = agent.idleSince();
            long second = idle.getEpochSecond();
            int nano = idle.getNano();
            if (talkSeconds < bestTalkSeconds || talkNanos < bestTalkNanos) {
                tied = 1;
            } else {
                tied++;
                if (second > bestSecond || (second == bestSecond && (nano > bestNano
                        || (nano == bestNano && agent.agentId().compareTo(best.agentId()) >= 0)))) {
                    continue;
                }
            }
            best = agent;
            bestTalkSeconds = talkSeconds;
            bestTalkNanos = talkNanos;
            bestSecond = second;
            bestNano = nano;
        }

        StringBuilder reason = new StringBuilder()
                .append(best.agentId()).append(" talked least today (")
                .append(best.talkTimeToday().toSeconds()).append(" s)");
        if (tied > 1) {
            long idle = Math.max(0, Duration.between(best.idleSince(), request.now()).toSeconds());
            reason.append(", idle longest (").append(idle).append(" s) of the ").append(tied)
                    .append(" with as little");
        }
        return RoutingDecision.choose(best.agentId(), reason.toString());
    }
}
