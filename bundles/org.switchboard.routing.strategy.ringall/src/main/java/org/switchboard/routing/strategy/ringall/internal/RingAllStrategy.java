package org.switchboard.routing.strategy.ringall.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/** Rings every candidate at once, listed by longest idle (then by agent id); the first to answer gets the call. */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=ring-all")
public class RingAllStrategy implements RoutingStrategy {

    /** Ids named in the reason, at most; the rest are counted. */
    static final int IDS_IN_REASON = 10;

    private static final Comparator<CandidateAgent> LONGEST_IDLE_FIRST =
            Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId);

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> sorted = new ArrayList<>(request.candidates());
        sorted.sort(LONGEST_IDLE_FIRST);
        List<String> ids = sorted.stream().map(CandidateAgent::agentId).toList();

        StringBuilder reason = new StringBuilder("ringing all ").append(ids.size())
                .append(ids.size() == 1 ? " candidate: " : " candidates: ")
                .append(String.join(", ", ids.subList(0, Math.min(ids.size(), IDS_IN_REASON))));
        if (ids.size() > IDS_IN_REASON) {
            reason.append(" and ").append(ids.size() - IDS_IN_REASON).append(" more");
        }
        return RoutingDecision.ringAll(ids, reason.toString());
    }
}
