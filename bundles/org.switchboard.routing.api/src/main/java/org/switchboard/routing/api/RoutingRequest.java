package org.switchboard.routing.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a strategy decides on: one waiting call and the agents who could take it now.
 *
 * @param call       the call
 * @param candidates the agents that are available, have a registered phone, are logged in to the call's queue
 *                   and have the skills it requires; of those, only the ones of the lowest tier (penalty) that
 *                   has any; at least one
 * @param now        the distributor's time of the decision
 */
public record RoutingRequest(CallSnapshot call, List<CandidateAgent> candidates, Instant now) {
    public RoutingRequest {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(now, "now");
        candidates = List.copyOf(candidates);
    }
}
