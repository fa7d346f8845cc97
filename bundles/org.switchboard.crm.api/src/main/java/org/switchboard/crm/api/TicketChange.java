package org.switchboard.crm.api;

import java.util.Objects;

/**
 * A step to take on a ticket.
 *
 * @param to       the status to move to; must be allowed by {@link TicketStatus#canMoveTo}
 * @param by       who takes the step
 * @param assignee the branch or team, required when {@code to} is {@code ASSIGNED}, else ignored
 * @param note     what was done or found, or {@code null}
 */
public record TicketChange(TicketStatus to, String by, String assignee, String note) {
    public TicketChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        if (to == TicketStatus.ASSIGNED && (assignee == null || assignee.isBlank())) {
            throw new IllegalArgumentException("an assigned ticket needs the branch or team it is assigned to");
        }
    }
}
