package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.switchboard.crm.builtin.internal.Customers.customer;

import java.time.Instant;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.NewTicket;

public class InteractionHistoryTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final CrmDatabase database = new CrmDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    static Interaction call(String callId, String customerId, String agent, String startedAt) {
        Instant start = Instant.parse(startedAt);
        return new Interaction(callId, customerId, null, "555 1000", "support", agent, "answered", start,
                start.plusSeconds(90), "asked about an invoice", "rec-" + callId);
    }

    @Test
    public void historyListsTheNewestCallFirstAndStopsAtTheLimit() {
        Customer customer = database.crm().createCustomer(customer("Ann", "5551000"));
        database.crm().recordInteraction(call("c2", customer.id(), "1002", "2026-03-01T10:00:00Z"));
        database.crm().recordInteraction(call("c3", customer.id(), "1003", "2026-03-01T11:00:00Z"));
        database.crm().recordInteraction(call("c1", customer.id(), "1001", "2026-03-01T09:00:00Z"));

        assertEquals(List.of("c3", "c2", "c1"),
                database.crm().history(customer.id(), 10).stream().map(Interaction::callId).toList());
        assertEquals(List.of("c3", "c2"),
                database.crm().history(customer.id(), 2).stream().map(Interaction::callId).toList());
    }

    @Test
    public void everyFieldOfAnInteractionIsKeptWithTheNumberNormalised() {
        Customer customer = database.crm().createCustomer(customer("Ben", "5551000"));
        Interaction call = call("c1", customer.id(), "1001", "2026-03-01T09:00:00Z");

        database.crm().recordInteraction(call);

        assertEquals(List.of(new Interaction("c1", customer.id(), null, "5551000", "support", "1001", "answered",
                call.startedAt(), call.endedAt(), "asked about an invoice", "rec-c1")),
                database.crm().history(customer.id(), 10));
    }

    @Test
    public void recordingTheSameCallAgainReplacesItInsteadOfAddingASecond() {
        Customer customer = database.crm().createCustomer(customer("Cy", "5551000"));
        database.crm().recordInteraction(call("c1", customer.id(), "1001", "2026-03-01T09:00:00Z"));
        database.crm().recordInteraction(call("c1", customer.id(), "1002", "2026-03-01T09:00:00Z"));

        List<Interaction> history = database.crm().history(customer.id(), 10);

        assertEquals(1, history.size());
        assertEquals("1002", history.get(0).agentId());
    }

    @Test
    public void anInteractionOfAnUnknownCustomerIsRefused() {
        assertThrows(CrmException.class,
                () -> database.crm().recordInteraction(call("c1", "C404", "1001", "2026-03-01T09:00:00Z")));
    }

    @Test
    public void theCardShowsOpenTicketsLastCallsAndTheAgentWhoServedLast() {
        Customer customer = database.crm().createCustomer(customer("Di", "5551000"));
        database.crm().recordInteraction(call("c1", customer.id(), "1001", "2026-03-01T09:00:00Z"));
        database.crm().recordInteraction(call("c2", customer.id(), "1003", "2026-03-01T10:00:00Z"));
        database.crm().createTicket(new NewTicket(customer.id(), "late delivery", "c2", null, "1003", null));

        CustomerCard card = database.crm().card(customer.id(), 5).orElseThrow();

        assertEquals(customer, card.customer());
        assertEquals(1, card.openTickets());
        assertEquals("1003", card.lastAgent());
        assertEquals(2, card.lastInteractions().size());
    }
}
