package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.switchboard.crm.builtin.internal.Customers.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketQuery;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.crm.api.TicketStep;

public class TicketWorkflowTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final CrmDatabase database = new CrmDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private String customerId;

    @Before
    public void aCustomer() {
        customerId = database.crm().createCustomer(customer("Eve", "5551000")).id();
    }

    private Ticket complaint(Instant due) {
        return database.crm().createTicket(new NewTicket(customerId, "rude driver", "c1", due, "1001",
                "the driver shouted"));
    }

    @Test
    public void aComplaintGoesFromReceivedToFeedbackGivenWithEveryStepTimestampedWithWhoTookIt() {
        Ticket ticket = complaint(null);
        Instant received = database.clock.instant();
        database.clock.advance(Duration.ofMinutes(5));
        database.crm().moveTicket(ticket.id(), new TicketChange(TicketStatus.ASSIGNED, "head-office", "branch-north",
                "please check"));
        database.clock.advance(Duration.ofHours(2));
        database.crm().moveTicket(ticket.id(), new TicketChange(TicketStatus.CHECKED, "north-lead", null,
                "driver admits it"));
        database.clock.advance(Duration.ofHours(1));
        database.crm().moveTicket(ticket.id(), new TicketChange(TicketStatus.RESOLVED, "north-lead", null,
                "voucher sent"));
        database.clock.advance(Duration.ofMinutes(30));
        Ticket done = database.crm().moveTicket(ticket.id(), new TicketChange(TicketStatus.FEEDBACK_GIVEN, "1001",
                null, "customer satisfied"));

        assertEquals(TicketStatus.FEEDBACK_GIVEN, done.status());
        assertEquals("branch-north", done.assignee());
        assertEquals(List.of(
                new TicketStep(TicketStatus.RECEIVED, "1001", received, null, "the driver shouted"),
                new TicketStep(TicketStatus.ASSIGNED, "head-office", received.plus(Duration.ofMinutes(5)),
                        "branch-north", "please check"),
                new TicketStep(TicketStatus.CHECKED, "north-lead", received.plus(Duration.ofMinutes(125)), null,
                        "driver admits it"),
                new TicketStep(TicketStatus.RESOLVED, "north-lead", received.plus(Duration.ofMinutes(185)), null,
                        "voucher sent"),
                new TicketStep(TicketStatus.FEEDBACK_GIVEN, "1001", received.plus(Duration.ofMinutes(215)), null,
                        "customer satisfied")),
                database.crm().findTicket(ticket.id()).orElseThrow().steps());
    }

    @Test
    public void aStepTheWorkflowDoesNotAllowIsRefusedAndChangesNothing() {
        Ticket ticket = complaint(null);

        CrmException refused = assertThrows(CrmException.class, () -> database.crm().moveTicket(ticket.id(),
                new TicketChange(TicketStatus.RESOLVED, "1001", null, "skip the check")));

        assertTrue(refused.getMessage(), refused.getMessage().contains("received"));
        Ticket unchanged = database.crm().findTicket(ticket.id()).orElseThrow();
        assertEquals(TicketStatus.RECEIVED, unchanged.status());
        assertEquals(1, unchanged.steps().size());
    }

    @Test
    public void aClosedTicketTakesNoMoreSteps() {
        Ticket ticket = complaint(null);
        for (TicketChange step : List.of(new TicketChange(TicketStatus.ASSIGNED, "a", "team", null),
                new TicketChange(TicketStatus.CHECKED, "a", null, null),
                new TicketChange(TicketStatus.RESOLVED, "a", null, null),
                new TicketChange(TicketStatus.FEEDBACK_GIVEN, "a", null, null))) {
            database.crm().moveTicket(ticket.id(), step);
        }

        assertThrows(CrmException.class, () -> database.crm().moveTicket(ticket.id(),
                new TicketChange(TicketStatus.ASSIGNED, "a", "other-team", null)));
    }

    @Test
    public void aCheckedTicketCanBeSentToAnotherTeam() {
        Ticket ticket = complaint(null);
        database.crm().moveTicket(ticket.id(), new TicketChange(TicketStatus.ASSIGNED, "a", "branch-north", null));
        database.crm().moveTicket(ticket.id(), new TicketChange(TicketStatus.CHECKED, "b", null, "not ours"));

        Ticket moved = database.crm().moveTicket(ticket.id(),
                new TicketChange(TicketStatus.ASSIGNED, "a", "branch-south", null));

        assertEquals("branch-south", moved.assignee());
        assertEquals(TicketStatus.ASSIGNED, moved.status());
    }

    @Test
    public void aTicketOfAnUnknownCustomerOrAnUnknownTicketIsRefused() {
        assertThrows(CrmException.class, () -> database.crm().createTicket(
                new NewTicket("C404", "x", null, null, "1001", null)));
        assertThrows(CrmException.class, () -> database.crm().moveTicket("T404",
                new TicketChange(TicketStatus.ASSIGNED, "a", "team", null)));
    }

    @Test
    public void overdueListsOpenTicketsPastTheirDueDateOnly() {
        Instant now = database.clock.instant();
        Ticket late = complaint(now.plus(Duration.ofHours(1)));
        Ticket notDue = complaint(now.plus(Duration.ofDays(3)));
        Ticket noDueDate = complaint(null);
        Ticket closedLate = complaint(now.plus(Duration.ofMinutes(30)));
        for (TicketChange step : List.of(new TicketChange(TicketStatus.ASSIGNED, "a", "team", null),
                new TicketChange(TicketStatus.CHECKED, "a", null, null),
                new TicketChange(TicketStatus.RESOLVED, "a", null, null),
                new TicketChange(TicketStatus.FEEDBACK_GIVEN, "a", null, null))) {
            database.crm().moveTicket(closedLate.id(), step);
        }

        database.clock.advance(Duration.ofHours(2));

        assertEquals(List.of(late.id()), ids(database.crm().tickets(TicketQuery.overdue(10))));
        assertEquals(List.of(noDueDate.id(), notDue.id(), late.id()),
                ids(database.crm().tickets(TicketQuery.open(10))));
        assertEquals(4, database.crm().tickets(TicketQuery.all(10)).size());
        assertTrue(database.crm().findTicket(late.id()).orElseThrow().isOverdue(database.clock.instant()));
        assertNull(database.crm().findTicket(noDueDate.id()).orElseThrow().dueAt());
    }

    private static List<String> ids(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::id).toList();
    }
}
