package org.switchboard.crm.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

public class TicketStatusTest {

    @Test
    public void aComplaintMovesOneStepAtATimeFromReceivedToFeedbackGiven() {
        assertTrue(TicketStatus.RECEIVED.canMoveTo(TicketStatus.ASSIGNED));
        assertTrue(TicketStatus.ASSIGNED.canMoveTo(TicketStatus.CHECKED));
        assertTrue(TicketStatus.CHECKED.canMoveTo(TicketStatus.RESOLVED));
        assertTrue(TicketStatus.RESOLVED.canMoveTo(TicketStatus.FEEDBACK_GIVEN));
        assertFalse(TicketStatus.RECEIVED.canMoveTo(TicketStatus.RESOLVED));
        assertFalse(TicketStatus.RESOLVED.canMoveTo(TicketStatus.RECEIVED));
        assertFalse(TicketStatus.FEEDBACK_GIVEN.canMoveTo(TicketStatus.ASSIGNED));
    }

    @Test
    public void anAssignedOrCheckedTicketCanGoToAnotherBranchOrTeam() {
        assertTrue(TicketStatus.ASSIGNED.canMoveTo(TicketStatus.ASSIGNED));
        assertTrue(TicketStatus.CHECKED.canMoveTo(TicketStatus.ASSIGNED));
        assertFalse(TicketStatus.RESOLVED.canMoveTo(TicketStatus.ASSIGNED));
    }

    @Test
    public void aTicketIsOpenUntilTheCustomerHasHadFeedback() {
        assertTrue(TicketStatus.RESOLVED.isOpen());
        assertFalse(TicketStatus.FEEDBACK_GIVEN.isOpen());
    }

    @Test
    public void labelsReadBackWithDashesOrUnderscoresInAnyCase() {
        assertEquals("feedback-given", TicketStatus.FEEDBACK_GIVEN.label());
        assertEquals(TicketStatus.FEEDBACK_GIVEN, TicketStatus.fromLabel("feedback_given"));
        assertEquals(TicketStatus.CHECKED, TicketStatus.fromLabel(" Checked "));
    }

    @Test
    public void anAssignmentNeedsTheBranchOrTeam() {
        assertThrows(IllegalArgumentException.class,
                () -> new TicketChange(TicketStatus.ASSIGNED, "1001", " ", null));
    }

    @Test
    public void anOpenTicketPastItsDueDateIsOverdueAndAClosedOneIsNot() {
        Instant due = Instant.parse("2026-03-01T12:00:00Z");
        Instant later = due.plusSeconds(1);
        Ticket open = new Ticket("T1", "C1", "late", TicketStatus.CHECKED, "north", null, due.minusSeconds(3600),
                due, List.of());
        Ticket closed = new Ticket("T2", "C1", "late", TicketStatus.FEEDBACK_GIVEN, "north", null,
                due.minusSeconds(3600), due, List.of());

        assertTrue(open.isOverdue(later));
        assertFalse(open.isOverdue(due));
        assertFalse(closed.isOverdue(later));
    }

    @Test
    public void anInteractionBelongsToACustomerOrALead() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new Interaction("c1", null, null, "5551000", null, null, "answered", at, at, null, null));
    }
}
