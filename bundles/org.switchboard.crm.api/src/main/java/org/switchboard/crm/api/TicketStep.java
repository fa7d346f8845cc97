package org.switchboard.crm.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a ticket's workflow, as it was taken.
 *
 * @param status   the status the ticket moved to
 * @param by       who took the step (an agent id or user name)
 * @param at       when
 * @param assignee the branch or team the ticket was assigned to, on {@code ASSIGNED} steps; else {@code null}
 * @param note     what was done or found, or {@code null}
 */
public record TicketStep(TicketStatus status, String by, Instant at, String assignee, String note) {
    public TicketStep {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
