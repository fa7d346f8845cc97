package org.switchboard.routing.api;

import java.util.List;
import java.util.Objects;

/**
 * A strategy's answer.
 *
 * @param rankedAgentIds candidates to offer the call to, best first; the distributor offers it to the first one
 *                       (or, with {@code ringAll}, to all of them at once); may be empty when the strategy wants
 *                       none of the candidates to take this call now
 * @param reason         why, in words an operator reads in {@code callcenter:why}
 * @param ringAll        offer to every agent in the list at once: the first to answer gets the call and the
 *                       others stop ringing
 */
public record RoutingDecision(List<String> rankedAgentIds, String reason, boolean ringAll) {
    public RoutingDecision {
        rankedAgentIds = List.copyOf(rankedAgentIds);
        Objects.requireNonNull(reason, "reason");
    }

    /** Offer the call to these agents, in this order of preference. */
    public static RoutingDecision ranked(List<String> agentIds, String reason) {
        return new RoutingDecision(agentIds, reason, false);
    }

    /** Offer the call to the one agent. */
    public static RoutingDecision choose(String agentId, String reason) {
        return new RoutingDecision(List.of(agentId), reason, false);
    }

    /** Ring all these agents at once. */
    public static RoutingDecision ringAll(List<String> agentIds, String reason) {
        return new RoutingDecision(agentIds, reason, true);
    }
}
