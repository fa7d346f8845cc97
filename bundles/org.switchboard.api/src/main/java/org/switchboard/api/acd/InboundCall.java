package org.switchboard.api.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * A call that reached the server and is handed to the distributor.
 *
 * @param callId    the server's id of the call
 * @param ani       the caller's number
 * @param dnis      the number called
 * @param queue     the queue that serves that number
 * @param arrivedAt when the INVITE arrived
 */
public record InboundCall(String callId, String ani, String dnis, String queue, Instant arrivedAt) {
    public InboundCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(ani, "ani");
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }
}
