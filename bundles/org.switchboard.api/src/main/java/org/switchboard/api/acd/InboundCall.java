package org.switchboard.api.acd;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A call that reached the server and is handed to the distributor.
 *
 * @param callId    the server's id of the call
 * @param ani       the caller's number
 * @param dnis      the number called
 * @param queue     the queue that serves that number
 * @param arrivedAt when the call reached the distributor: when the INVITE arrived, or when its call flow queued it
 * @param priority  the call's own priority, added to its queue's (0 for an ordinary call)
 * @param variables data gathered about the call before it reached the queue (for example by the IVR)
 */
public record InboundCall(String callId, String ani, String dnis, String queue, Instant arrivedAt, int priority,
        Map<String, String> variables) {
    public InboundCall {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(ani, "ani");
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }

    /** An ordinary call straight from the SIP edge: no priority of its own, nothing gathered yet. */
    public InboundCall(String callId, String ani, String dnis, String queue, Instant arrivedAt) {
        this(callId, ani, dnis, queue, arrivedAt, 0, Map.of());
    }
}
