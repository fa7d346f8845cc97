package org.switchboard.web.internal.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.api.NewCustomer;
import org.switchboard.crm.api.NewLead;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketQuery;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.crm.api.TicketStep;

/**
 * A CRM in memory with customers and the ticket workflow, as the directory's one adapter "memory". Leads and
 * interactions are not kept: the tests that use it do not need them.
 */
final class InMemoryCrm implements CrmAdapter {
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();

    InMemoryCrm withCustomer(String id, String name, String phone) {
        customers.put(id, new Customer(id, name, 0, null, null, null, List.of(phone), List.of(), Instant.now()));
        return this;
    }

    CustomerDirectory directory() {
        InMemoryCrm adapter = this;
        return new CustomerDirectory() {
            @Override
            public String adapterName() {
                return "memory";
            }

            @Override
            public List<String> adapterNames() {
                return List.of("memory");
            }

            @Override
            public Optional<CrmAdapter> adapter() {
                return Optional.of(adapter);
            }

            @Override
            public Optional<CustomerCard> lookup(String phone) {
                return adapter.findByPhone(phone).flatMap(c -> adapter.card(c.id(), 10));
            }

            @Override
            public void useAdapter(String name) {
                if (!name.equals("memory")) {
                    throw new IllegalArgumentException("only the adapter memory is here");
                }
            }
        };
    }

    @Override
    public synchronized Optional<Customer> findByPhone(String phone) {
        return customers.values().stream().filter(c -> c.phones().contains(phone)).findFirst();
    }

    @Override
    public synchronized Optional<Customer> findById(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public synchronized List<Customer> search(String text, int limit) {
        return customers.values().stream().filter(c -> c.name().contains(text)).limit(limit).toList();
    }

    @Override
    public Customer createCustomer(NewCustomer customer) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public List<Interaction> history(String customerId, int limit) {
        return List.of();
    }

    @Override
    public void recordInteraction(Interaction interaction) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public synchronized Ticket createTicket(NewTicket ticket) {
        if (!customers.containsKey(ticket.customerId())) {
            throw new CrmException("no customer " + ticket.customerId());
        }
        String id = "T" + (tickets.size() + 1);
        Instant now = Instant.now();
        Ticket created = new Ticket(id, ticket.customerId(), ticket.subject(), TicketStatus.RECEIVED, null,
                ticket.callId(), now, ticket.dueAt(), List.of(new TicketStep(TicketStatus.RECEIVED, ticket.by(), now,
                        null, ticket.note())));
        tickets.put(id, created);
        return created;
    }

    @Override
    public synchronized Ticket moveTicket(String ticketId, TicketChange change) {
        Ticket ticket = findTicket(ticketId).orElseThrow(() -> new CrmException("no ticket " + ticketId));
        if (!ticket.status().canMoveTo(change.to())) {
            throw new CrmException("ticket " + ticketId + " cannot move from " + ticket.status() + " to "
                    + change.to());
        }
        List<TicketStep> steps = new ArrayList<>(ticket.steps());
        steps.add(new TicketStep(change.to(), change.by(), Instant.now(), change.assignee(), change.note()));
        Ticket moved = new Ticket(ticket.id(), ticket.customerId(), ticket.subject(), change.to(),
                change.assignee() != null ? change.assignee() : ticket.assignee(), ticket.callId(),
                ticket.createdAt(), ticket.dueAt(), steps);
        tickets.put(ticketId, moved);
        return moved;
    }

    @Override
    public synchronized Optional<Ticket> findTicket(String ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public synchronized List<Ticket> tickets(TicketQuery query) {
        return tickets.values().stream()
                .filter(t -> query.customerId() == null || t.customerId().equals(query.customerId()))
                .filter(t -> !query.openOnly() || t.status().isOpen())
                .filter(t -> !query.overdueOnly() || t.isOverdue(Instant.now()))
                .limit(query.limit()).toList();
    }

    @Override
    public Lead createLead(NewLead lead) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public Lead assignLead(String leadId, String agentId) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public Customer convertLead(String leadId) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public Lead loseLead(String leadId, String reason) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public List<Lead> leads(LeadStatus status, int limit) {
        return List.of();
    }
}
