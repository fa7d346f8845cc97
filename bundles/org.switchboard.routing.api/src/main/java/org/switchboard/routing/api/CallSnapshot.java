package org.switchboard.routing.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A waiting call, as it is at the time of the decision.
 *
 * @param callId         the server's id of the call
 * @param ani            the caller's number
 * @param dnis           the number called
 * @param queue          the queue the call waits in
 * @param priority       the call's priority; higher is served first
 * @param waited         how long the call has waited so far
 * @param variables      data gathered for the call (for example by the IVR); may be empty
 * @param requiredSkills skills the queue requires, with minimum levels 1-10; may be empty
 * @param customerId     the customer, when the caller is known
 */
public record CallSnapshot(String callId, String ani, String dnis, String queue, int priority, Duration waited,
        Map<String, String> variables, Map<String, Integer> requiredSkills, Optional<String> customerId) {
    public CallSnapshot {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(ani, "ani");
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(waited, "waited");
        variables = Map.copyOf(variables);
        requiredSkills = Map.copyOf(requiredSkills);
        Objects.requireNonNull(customerId, "customerId");
    }
}
