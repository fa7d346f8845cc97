package org.switchboard.crm.api;

/**
 * Which tickets to list; newest first.
 *
 * @param customerId  only this customer's, or {@code null} for every customer's
 * @param openOnly    only those not yet {@code FEEDBACK_GIVEN}
 * @param overdueOnly only open ones past their due date (at the CRM's current time)
 * @param limit       at most this many
 */
public record TicketQuery(String customerId, boolean openOnly, boolean overdueOnly, int limit) {
    public TicketQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    public static TicketQuery all(int limit) {
        return new TicketQuery(null, false, false, limit);
    }

    public static TicketQuery open(int limit) {
        return new TicketQuery(null, true, false, limit);
    }

    public static TicketQuery overdue(int limit) {
        return new TicketQuery(null, true, true, limit);
    }

    public static TicketQuery openOf(String customerId, int limit) {
        return new TicketQuery(customerId, true, false, limit);
    }
}
