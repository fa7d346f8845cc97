package org.switchboard.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a recording when it starts.
 *
 * @param callId    the server's id of the call
 * @param queue     the queue that took the call (empty when the recording starts in the call flow)
 * @param agentId   the agent who answered (empty when the recording starts in the call flow)
 * @param customer  the CRM's customer id when the caller is known, the caller's number otherwise
 * @param startedAt when the recording starts (the agent's answer, or the call flow's)
 */
public record NewRecording(String callId, String queue, String agentId, String customer, Instant startedAt) {

    public NewRecording {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        queue = queue == null ? "" : queue;
        agentId = agentId == null ? "" : agentId;
        customer = customer == null ? "" : customer;
    }
}
