package ${package};

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
 * Routing strategy {@value NAME}: the agent who has been idle the longest is offered the call first; the other
 * candidates follow, longest idle first.
 * <p>
 * The distributor calls {@code decide} for one call at a time and expects the answer within the queue's time
 * budget (typically 50 ms): keep it fast, and never block on I/O here.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + ${className}.NAME)
public class ${className} implements RoutingStrategy {

    /** The name queues select this strategy by. */
    public static final String NAME = "${strategyName}";

    private static final Comparator<CandidateAgent> LONGEST_IDLE_FIRST =
            Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId);

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> ranked = new ArrayList<>(request.candidates());
        if (ranked.isEmpty()) {
            return RoutingDecision.ranked(List.of(), "no candidate agents");
        }
        ranked.sort(LONGEST_IDLE_FIRST);
        CandidateAgent best = ranked.get(0);
        long idleSeconds = Math.max(0, Duration.between(best.idleSince(), request.now()).toSeconds());
        return RoutingDecision.ranked(ranked.stream().map(CandidateAgent::agentId).toList(),
                "longest idle: agent " + best.agentId() + ", idle " + idleSeconds + " s");
    }
}
