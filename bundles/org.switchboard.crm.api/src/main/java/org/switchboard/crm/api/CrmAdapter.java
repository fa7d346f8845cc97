package org.switchboard.crm.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A customer-relationship-management system as the call center sees it: recognises callers, shows their card to
 * the agent, keeps every call as an interaction, and holds tickets (complaints) and sales leads.
 * <p>
 * <b>Registration.</b> Register the implementation as an OSGi service of this interface with the service property
 * {@value #NAME_PROPERTY} set to the adapter's name (for example {@code "builtin"} or {@code "rest"}); the
 * server uses the adapter whose name is configured (PID {@code org.switchboard.crm}, key {@code adapter}, or
 * {@code callcenter:crm-use NAME}) and switches when that changes.
 * <p>
 * <b>Threading and time.</b> Methods may block (on a database or the network) and are called from many threads
 * at once, never from a thread that carries a call's signalling: the server calls lookups on its own small pool
 * and waits for them only within its lookup budget; a lookup that is late is still allowed to finish, its
 * answer is cached for the next call. Writes (interactions) are retried by the server a few times when they
 * throw, so {@link #recordInteraction} must be idempotent per call id.
 * <p>
 * <b>Failures.</b> A method that cannot do its work throws {@link CrmException} (any other runtime exception is
 * treated the same); a call is never failed because of it: the caller is routed as unknown. A missing record is
 * {@link Optional#empty()} for lookups, a {@link CrmException} for updates.
 * <p>
 * <b>Phone numbers</b> are compared normalised: without spaces, dashes, dots and parentheses, a leading
 * {@code +} kept.
 */
@ConsumerType
public interface CrmAdapter {

    /** Service property holding the adapter's name. */
    String NAME_PROPERTY = "switchboard.crm.adapter";

    /** The customer one of whose numbers is {@code phone}. */
    Optional<Customer> findByPhone(String phone);

    /** The customer with this id (for example keyed in by the caller in the IVR). */
    Optional<Customer> findById(String customerId);

    /** Customers whose name, id, phone number or region contains {@code text}, ignoring case; at most limit. */
    List<Customer> search(String text, int limit);

    /** Creates a customer and returns it with its new id. */
    Customer createCustomer(NewCustomer customer);

    /**
     * The screen pop for a customer: the customer, open tickets, last interactions and the agent who served them
     * last. The default asks {@link #findById}, {@link #history} and {@link #tickets}; override it when the CRM
     * can answer in one request.
     */
    default Optional<CustomerCard> card(String customerId, int interactions) {
        Optional<Customer> customer = findById(customerId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<Interaction> last = history(customerId, interactions);
        int open = tickets(TicketQuery.openOf(customerId, 1000)).size();
        String lastAgent = last.stream().map(Interaction::agentId).filter(agent -> agent != null)
                .findFirst().orElse(null);
        return Optional.of(new CustomerCard(customer.get(), open, last, lastAgent));
    }

    /** The customer's interactions, newest first, at most limit. */
    List<Interaction> history(String customerId, int limit);

    /** Keeps the interaction; recording the same call id again replaces the earlier one. */
    void recordInteraction(Interaction interaction);

    /** Opens a ticket, {@code RECEIVED}, with its first step. */
    Ticket createTicket(NewTicket ticket);

    /**
     * Takes a step in a ticket's workflow, timestamped by the CRM.
     *
     * @throws CrmException when there is no such ticket, or the step is not allowed from its status
     *                      ({@link TicketStatus#canMoveTo})
     */
    Ticket moveTicket(String ticketId, TicketChange change);

    Optional<Ticket> findTicket(String ticketId);

    List<Ticket> tickets(TicketQuery query);

    Lead createLead(NewLead lead);

    /** Gives an open lead to an agent; it becomes {@code ASSIGNED}. */
    Lead assignLead(String leadId, String agentId);

    /**
     * Makes an open lead a customer (the one who has the lead's phone number, when there is one, else a new one)
     * and moves the lead's interactions to that customer; the lead becomes {@code CONVERTED}.
     */
    Customer convertLead(String leadId);

    /** Closes an open lead as {@code LOST}, the reason added to its notes. */
    Lead loseLead(String leadId, String reason);

    /** Leads in this status ({@code null}: all), newest first, at most limit. */
    List<Lead> leads(LeadStatus status, int limit);
}
