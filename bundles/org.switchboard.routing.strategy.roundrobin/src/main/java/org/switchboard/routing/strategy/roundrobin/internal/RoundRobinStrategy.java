package org.switchboard.routing.strategy.roundrobin.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Takes the candidates in turn, per queue: in the order of their agent ids, the call goes to the agent that
 * follows the one chosen last time in that queue, wrapping round after the last id. The position is the
 * last chosen agent id, so it survives agents leaving and joining the candidates.
 * <p>
 * One pass over the candidates finds the lowest id above the last chosen one (and the lowest id overall, for
 * wrapping round); it returns only the chosen agent and may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=round-robin",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class RoundRobinStrategy implements RoutingStrategy {

    /** Per queue, the agent id chosen last. */
    private final ConcurrentMap<String, String> lastChosenByQueue = new ConcurrentHashMap<>();

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        String queue = request.call().queue();
        // Read the queue's position, choose, and move the position only if no concurrent decision moved it in
        // the meantime (else choose again from the new position): every turn is taken exactly once.
        while (true) {
            String last = lastChosenByQueue.get(queue);
            String lowest = candidates.get(0).agentId();
            String next = null;
            boolean lastIsCandidate = false;
            if (last == null) {
                for (int i = 1; i < count; i++) {
                    String id = candidates.get(i).agentId();
                    if (id.compareTo(lowest) < 0) {
                        lowest = id;
                    }
                }
            } else {
                for (int i = 0; i < count; i++) {
                    String id = candidates.get(i).agentId();
                    int sinceLast = id.compareTo(last);
                    if (sinceLast > 0) {
                        if (next == null || id.compareTo(next) < 0) {
                            next = id;
                        }
                    } else {
                        if (sinceLast == 0) {
                            lastIsCandidate = true;
                        }
                        if (id.compareTo(lowest) < 0) {
                            lowest = id;
                        }
                    }
                }
            }
            // next == null: no candidate follows the last chosen one, so wrap round to the lowest id. (lowest is
            // only kept up to date among the ids up to the last chosen one, which then include the lowest.)
            String chosen = next != null ? next : lowest;
            boolean moved = last == null
                    ? lastChosenByQueue.putIfAbsent(queue, chosen) == null
                    : lastChosenByQueue.replace(queue, last, chosen);
            if (moved) {
                return RoutingDecision.choose(chosen, reason(chosen, last, lastIsCandidate, count, queue));
            }
        }
    }

    private static String reason(String chosen, String previous, boolean previousIsCandidate, int candidates,
            String queue) {
        if (previous == null) {
            return chosen + " first in rotation of queue " + queue + " (lowest agent id of "
                    + candidates + (candidates == 1 ? " candidate)" : " candidates)");
        }
        StringBuilder reason = new StringBuilder(chosen).append(" next in rotation of queue ").append(queue)
                .append(" after ").append(previous);
        if (!previousIsCandidate) {
            reason.append(" (no longer a candidate)");
        }
        if (chosen.compareTo(previous) <= 0) {
            reason.append(", wrapped round to the lowest agent id");
        }
        return reason.toString();
    }
}
