package org.switchboard.examples.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Routing strategy {@value #NAME}.
 * <ul>
 * <li>A VIP call (the call variable {@code vip=true}, or a caller known by a customer id) goes to the agent with
 * the highest level in the skill {@value #VIP_SKILL}; among equals, to the one idle the longest.</li>
 * <li>Any other call goes to the agent who answered the fewest calls today; among equals, to the one idle the
 * longest.</li>
 * </ul>
 * Every candidate is ranked, best first; the distributor offers the call to the first. The strategy keeps no
 * state: it is safe however the distributor calls it, and it decides in microseconds.
 */
@Component(service = RoutingStrategy.class,
        property = RoutingStrategy.NAME_PROPERTY + "=" + VipFirstThenLeastBusyStrategy.NAME)
public class VipFirstThenLeastBusyStrategy implements RoutingStrategy {

    /** The name queues select this strategy by. */
    public static final String NAME = "vip-first-then-least-busy";

    /** The call variable that marks a VIP call when it is {@code true}. */
    public static final String VIP_VARIABLE = "vip";

    /** The agent skill whose level ranks agents for VIP calls. */
    public static final String VIP_SKILL = "vip";

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> candidates = request.candidates();
        if (candidates.isEmpty()) {
            return RoutingDecision.ranked(List.of(), "no candidate agents");
        }
        Optional<String> vipBecause = vipBecause(request.call());
        Comparator<CandidateAgent> order = vipBecause.isPresent() ? VIP_ORDER : LEAST_BUSY_ORDER;

        List<CandidateAgent> ranked = new ArrayList<>(candidates);
        ranked.sort(order);
        List<String> ids = ranked.stream().map(CandidateAgent::agentId).toList();

        CandidateAgent best = ranked.get(0);
        String idle = "idle " + idleSeconds(best, request.now()) + " s";
        String reason = vipBecause
                .map(why -> "vip-first (" + why + "): agent " + best.agentId() + " has the highest "
                        + VIP_SKILL + " level (" + best.level(VIP_SKILL) + "), " + idle)
                .orElseGet(() -> "least-busy: agent " + best.agentId() + " answered the fewest calls today ("
                        + best.callsAnsweredToday() + "), " + idle);
        return RoutingDecision.ranked(ids, reason);
    }

    /** Why the call is a VIP call, or empty when it is not. */
    static Optional<String> vipBecause(CallSnapshot call) {
        String flag = call.variables().get(VIP_VARIABLE);
        if (flag != null && "true".equalsIgnoreCase(flag.trim())) {
            return Optional.of(VIP_VARIABLE + "=true");
        }
        return call.customerId()
                .filter(id -> !id.isBlank())
                .map(id -> "known customer " + id);
    }

    /** Longest idle first: the earliest idle-since comes first; the agent id keeps the order stable. */
    private static final Comparator<CandidateAgent> LONGEST_IDLE =
            Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId);

    private static final Comparator<CandidateAgent> VIP_ORDER =
            Comparator.comparingInt((CandidateAgent agent) -> agent.level(VIP_SKILL)).reversed()
                    .thenComparing(LONGEST_IDLE);

    private static final Comparator<CandidateAgent> LEAST_BUSY_ORDER =
            Comparator.comparingInt(CandidateAgent::callsAnsweredToday).thenComparing(LONGEST_IDLE);

    private static long idleSeconds(CandidateAgent agent, Instant now) {
        Duration idle = Duration.between(agent.idleSince(), now);
        return idle.isNegative() ? 0 : idle.toSeconds();
    }
}
