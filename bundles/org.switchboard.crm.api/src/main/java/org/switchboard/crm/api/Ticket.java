package org.switchboard.crm.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A complaint or request followed to its end.
 *
 * @param id         the ticket's id, assigned by the CRM
 * @param customerId the customer it is about
 * @param subject    what it is about, in a line
 * @param status     where it is in its workflow
 * @param assignee   the branch or team it is assigned to, or {@code null} before it is
 * @param callId     the call it was opened from, or {@code null}
 * @param createdAt  when it was received
 * @param dueAt      when it should be resolved by, or {@code null} for no due date
 * @param steps      the steps taken, oldest first; the first is the {@code RECEIVED} step
 */
public record Ticket(String id, String customerId, String subject, TicketStatus status, String assignee,
        String callId, Instant createdAt, Instant dueAt, List<TicketStep> steps) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        steps = List.copyOf(steps);
    }

    /** Still open and past its due date at {@code now}. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && dueAt != null && dueAt.isBefore(now);
    }
}
