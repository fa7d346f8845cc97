package org.switchboard.crm.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact between the call center and a customer (or a lead, not a customer yet): a call, with how it went.
 *
 * @param callId      the server's id of the call; a CRM keeps one interaction per call id
 * @param customerId  the customer, or {@code null} when the interaction belongs to a lead
 * @param leadId      the lead, or {@code null}; when the lead is converted its interactions move to the customer
 * @param phone       the number the customer called from (or was called on)
 * @param queue       the queue the call went through, or {@code null}
 * @param agentId     the agent who served the customer, or {@code null} when none did
 * @param disposition how the call ended, as the server's disposition label (for example {@code answered},
 *                    {@code abandoned})
 * @param startedAt   when the call started
 * @param endedAt     when the call ended
 * @param notes       what the agent wrote about it, or {@code null}
 * @param recordingId the id of the call's recording, or {@code null}
 */
public record Interaction(String callId, String customerId, String leadId, String phone, String queue,
        String agentId, String disposition, Instant startedAt, Instant endedAt, String notes, String recordingId) {
    public Interaction {
        Objects.requireNonNull(callId, "callId");
        if (customerId == null && leadId == null) {
            throw new IllegalArgumentException("an interaction belongs to a customer or a lead");
        }
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
