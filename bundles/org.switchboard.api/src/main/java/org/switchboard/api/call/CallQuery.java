package org.switchboard.api.call;

import java.time.Instant;
import java.util.Locale;

/**
 * Which call detail records to find, for a search by an operator; every criterion left {@code null} matches every
 * call. Results come most recent first.
 *
 * @param from        calls that arrived at or after this instant
 * @param to          calls that arrived before this instant
 * @param queue       calls of this queue (the queue the record names: the last one the call waited in)
 * @param agentId     calls offered to or answered by this agent (the agent the record names)
 * @param disposition calls that ended this way
 * @param number      calls whose caller's number (ANI) or called number (DNIS) contains this text
 * @param limit       at most this many, 1 and up
 */
public record CallQuery(Instant from, Instant to, String queue, String agentId, Disposition disposition,
        String number, int limit) {

    public CallQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        queue = blankToNull(queue);
        agentId = blankToNull(agentId);
        number = blankToNull(number);
    }

    /** Every call, the most recent {@code limit}. */
    public static CallQuery latest(int limit) {
        return new CallQuery(null, null, null, null, null, null, limit);
    }

    /** Whether the record meets every criterion (not the limit). */
    public boolean matches(CallDetailRecord record) {
        return (from == null || !record.arrivedAt().isBefore(from))
                && (to == null || record.arrivedAt().isBefore(to))
                && (queue == null || queue.equals(record.queue()))
                && (agentId == null || agentId.equals(record.agentId()))
                && (disposition == null || disposition == record.disposition())
                && (number == null || contains(record.ani(), number) || contains(record.dnis(), number));
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
