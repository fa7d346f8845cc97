package org.switchboard.routing.strategy.roundrobin.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Takes the candidates in turn, per queue: in the order of their agent ids, the call goes first to the agent
 * that follows the one chosen last time in that queue, wrapping round after the last id. The position is the
 * last chosen agent id, so it survives agents leaving and joining the candidates.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=round-robin")
public class RoundRobinStrategy implements RoutingStrategy {

    /** Per queue, the agent id chosen last. */
    private final ConcurrentMap<String, String> lastChosenByQueue = new ConcurrentHashMap<>();

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<String> ids = new ArrayList<>(request.candidates().size());
        for (CandidateAgent candidate : request.candidates()) {
            ids.add(candidate.agentId());
        }
        Collections.sort(ids);
        String queue = request.call().queue();
        String[] previous = new String[1];
        int[] start = new int[1];
        // compute() reads and moves the queue's position in one atomic step.
        lastChosenByQueue.compute(queue, (q, last) -> {
            previous[0] = last;
            start[0] = last == null ? 0 : firstAfter(ids, last);
            return ids.get(start[0]);
        });

        List<String> ranked = new ArrayList<>(ids.size());
        ranked.addAll(ids.subList(start[0], ids.size()));
        ranked.addAll(ids.subList(0, start[0]));
        return RoutingDecision.ranked(ranked, reason(ranked.get(0), previous[0], ids, queue));
    }

    /** Index of the first id after {@code last} in the sorted ids, wrapping round to 0. */
    private static int firstAfter(List<String> sortedIds, String last) {
        int found = Collections.binarySearch(sortedIds, last);
        int next = found >= 0 ? found + 1 : -found - 1;
        return next < sortedIds.size() ? next : 0;
    }

    private static String reason(String chosen, String previous, List<String> sortedIds, String queue) {
        if (previous == null) {
            return chosen + " first in rotation of queue " + queue + " (lowest agent id of "
                    + sortedIds.size() + (sortedIds.size() == 1 ? " candidate)" : " candidates)");
        }
        StringBuilder reason = new StringBuilder(chosen).append(" next in rotation of queue ").append(queue)
                .append(" after ").append(previous);
        if (Collections.binarySearch(sortedIds, previous) < 0) {
            reason.append(" (no longer a candidate)");
        }
        if (chosen.compareTo(previous) <= 0) {
            reason.append(", wrapped round to the lowest agent id");
        }
        return reason.toString();
    }
}
