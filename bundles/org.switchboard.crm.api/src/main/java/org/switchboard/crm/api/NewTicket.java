package org.switchboard.crm.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket to open; it starts {@code RECEIVED}.
 *
 * @param customerId the customer it is about
 * @param subject    what it is about, in a line
 * @param callId     the call it comes from, or {@code null}
 * @param dueAt      when it should be resolved by, or {@code null}
 * @param by         who received it
 * @param note       the complaint in the customer's words, or {@code null}
 */
public record NewTicket(String customerId, String subject, String callId, Instant dueAt, String by, String note) {
    public NewTicket {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(by, "by");
    }
}
