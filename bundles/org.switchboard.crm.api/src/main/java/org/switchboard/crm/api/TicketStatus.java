package org.switchboard.crm.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a complaint (ticket) is in its workflow: received at head office, assigned to a branch or team, checked
 * there, resolved, and the result fed back to the customer. Every CRM follows the transitions of
 * {@link #canMoveTo}.
 */
public enum TicketStatus {
    /** Taken down, nobody is on it yet. */
    RECEIVED,
    /** Handed to a branch or team. */
    ASSIGNED,
    /** The branch or team has checked the facts. */
    CHECKED,
    /** Settled; the customer has not been told yet. */
    RESOLVED,
    /** The customer has been told the result: the end of the ticket. */
    FEEDBACK_GIVEN;

    /**
     * Whether a ticket in this status may move to {@code next}: one step forward, or back from
     * {@code ASSIGNED} or {@code CHECKED} to {@code ASSIGNED} when it must go to another branch or team.
     */
    public boolean canMoveTo(TicketStatus next) {
        return allowedNext().contains(next);
    }

    /** The statuses a ticket in this status may move to. */
    public Set<TicketStatus> allowedNext() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ASSIGNED);
            case ASSIGNED -> EnumSet.of(ASSIGNED, CHECKED);
            case CHECKED -> EnumSet.of(ASSIGNED, RESOLVED);
            case RESOLVED -> EnumSet.of(FEEDBACK_GIVEN);
            case FEEDBACK_GIVEN -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    /** Open until the customer has had the result. */
    public boolean isOpen() {
        return this != FEEDBACK_GIVEN;
    }

    /** The lower-case name shown to operators and stored, e.g. {@code feedback-given}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status of a label, with {@code -} or {@code _}, in any case. */
    public static TicketStatus fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
