package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.switchboard.crm.builtin.internal.Customers.customer;

import java.time.Instant;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.api.NewLead;

public class LeadConversionTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final CrmDatabase database = new CrmDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private static Interaction leadCall(String callId, String leadId, String startedAt) {
        Instant start = Instant.parse(startedAt);
        return new Interaction(callId, null, leadId, "5559000", "sales", "1002", "answered", start,
                start.plusSeconds(60), null, null);
    }

    @Test
    public void aLeadCreatedFromACallIsAssignedThenConvertedAndKeepsItsCalls() {
        Lead lead = database.crm().createLead(new NewLead("Kim Park", "555 9000", "kim@park.example", "call", null,
                null, "wants a quote"));
        assertEquals(LeadStatus.NEW, lead.status());
        database.crm().recordInteraction(leadCall("c1", lead.id(), "2026-03-01T09:00:00Z"));
        database.crm().recordInteraction(leadCall("c2", lead.id(), "2026-03-02T09:00:00Z"));
        assertEquals(LeadStatus.ASSIGNED, database.crm().assignLead(lead.id(), "1002").status());

        Customer customer = database.crm().convertLead(lead.id());

        assertEquals("Kim Park", customer.name());
        assertEquals(List.of("5559000"), customer.phones());
        assertEquals("1002", customer.ownerAgent());
        assertEquals(List.of("c2", "c1"),
                database.crm().history(customer.id(), 10).stream().map(Interaction::callId).toList());
        Lead converted = database.crm().leads(LeadStatus.CONVERTED, 10).get(0);
        assertEquals(customer.id(), converted.convertedCustomerId());
        assertEquals(List.of(lead.id(), lead.id()),
                database.crm().leadHistory(lead.id()).stream().map(Interaction::leadId).toList());
    }

    @Test
    public void aCallWhoseLeadIsCreatedDuringTheCallBelongsToTheLeadWhenItEnds() {
        Customer caller = database.crm().createCustomer(customer("Caller 5559000", "5559000"));
        Lead lead = database.crm().createLead(new NewLead("Lee", "5559000", null, "call", "c7", "1002", null));
        Instant start = Instant.parse("2026-03-01T09:00:00Z");

        database.crm().recordInteraction(new Interaction("c7", caller.id(), null, "5559000", "sales", "1002",
                "answered", start, start.plusSeconds(30), null, null));

        assertEquals(lead.id(), database.crm().leadHistory(lead.id()).get(0).leadId());
    }

    @Test
    public void aLeadWhoseNumberIsAlreadyACustomersIsConvertedIntoThatCustomer() {
        Customer existing = database.crm().createCustomer(customer("Caller 5559000", "5559000"));
        Lead lead = database.crm().createLead(new NewLead("Lee", "5559000", null, "call", null, null, null));
        database.crm().recordInteraction(leadCall("c1", lead.id(), "2026-03-01T09:00:00Z"));

        Customer customer = database.crm().convertLead(lead.id());

        assertEquals(existing.id(), customer.id());
        assertEquals(List.of("c1"),
                database.crm().history(existing.id(), 10).stream().map(Interaction::callId).toList());
    }

    @Test
    public void aClosedLeadIsNeitherConvertedAgainNorAssigned() {
        Lead lead = database.crm().createLead(new NewLead("Mo", null, null, "call", null, null, "maybe"));
        database.crm().convertLead(lead.id());
        Lead lost = database.crm().createLead(new NewLead("Ned", null, null, "call", null, null, null));
        Lead closed = database.crm().loseLead(lost.id(), "went elsewhere");

        assertThrows(CrmException.class, () -> database.crm().convertLead(lead.id()));
        assertThrows(CrmException.class, () -> database.crm().assignLead(lost.id(), "1001"));
        assertEquals(LeadStatus.LOST, closed.status());
        assertTrue(closed.notes(), closed.notes().contains("went elsewhere"));
        assertEquals(1, database.crm().search("", 10).size());
    }

    @Test
    public void leadsAreListedNewestFirstAndByStatus() {
        Lead first = database.crm().createLead(new NewLead("A", null, null, "call", null, null, null));
        database.clock.advance(java.time.Duration.ofMinutes(1));
        Lead second = database.crm().createLead(new NewLead("B", null, null, "import", null, "1003", null));

        assertEquals(List.of(second.id(), first.id()),
                database.crm().leads(null, 10).stream().map(Lead::id).toList());
        assertEquals(List.of(second.id()),
                database.crm().leads(LeadStatus.ASSIGNED, 10).stream().map(Lead::id).toList());
    }
}
