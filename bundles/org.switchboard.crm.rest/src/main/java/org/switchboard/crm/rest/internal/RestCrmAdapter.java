package org.switchboard.crm.rest.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.api.NewCustomer;
import org.switchboard.crm.api.NewLead;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketQuery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CRM adapter {@code rest}: an external CRM over HTTP and JSON, registered by {@link RestCrmRegistration}. Base
 * URL, authentication header, timeouts, the endpoint of each operation and where the customer's and interaction's
 * fields sit in the JSON come from configuration {@value RestCrmSettings#PID}; a change applies to the next
 * request, a bad one is logged with its key and the previous settings stay.
 * <p>
 * Lookups answer empty for 404 (an unknown customer); every other failure is a {@link CrmException} (which the
 * server turns into an unknown caller for routing).
 */
final class RestCrmAdapter implements CrmAdapter {
    static final String NAME = "rest";
    private static final Logger LOG = LoggerFactory.getLogger(RestCrmAdapter.class);

    private volatile Client client = new Client(new CrmHttp(RestCrmSettings.unconfigured()));

    /** The settings in force and what speaks them. */
    private record Client(CrmHttp http, JsonRecords json) {
        Client(CrmHttp http) {
            this(http, new JsonRecords(http.settings()));
        }
    }

    /** Applies a configuration; a bad one is logged with its key and the previous settings stay. */
    void configure(Map<String, Object> properties) {
        try {
            RestCrmSettings settings = RestCrmSettings.from(properties);
            client = new Client(new CrmHttp(settings));
            LOG.info("REST CRM adapter: {}", settings.baseUrl().map(url -> "base URL " + url
                    + settings.authHeader().map(header -> ", authenticated with header " + header.name()).orElse(""))
                    .orElse("baseUrl not set, every request fails until it is"));
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: the REST CRM adapter keeps its previous settings",
                    RestCrmSettings.PID, e.getMessage());
        }
    }

    @Override
    public Optional<Customer> findByPhone(String phone) {
        Client current = client;
        return current.http().exchange(Operation.FIND_BY_PHONE, Map.of("phone", phone), null)
                .flatMap(current.json()::firstOrOnly).map(current.json()::customer);
    }

    @Override
    public Optional<Customer> findById(String customerId) {
        Client current = client;
        return current.http().exchange(Operation.FIND_BY_ID, Map.of("customerId", customerId), null)
                .flatMap(current.json()::firstOrOnly).map(current.json()::customer);
    }

    @Override
    public List<Customer> search(String text, int limit) {
        Client current = client;
        return current.http().exchange(Operation.SEARCH, Map.of("text", text, "limit", String.valueOf(limit)), null)
                .map(answer -> current.json().list(answer).stream().limit(limit).map(current.json()::customer)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Customer createCustomer(NewCustomer customer) {
        Client current = client;
        JsonNode answer = current.http().exchange(Operation.CREATE_CUSTOMER, Map.of(),
                current.json().customerJson(customer)).orElseThrow(() -> notFound("customers"));
        return current.json().customer(answer);
    }

    /** The card from the customer and their history; open tickets counted only when the CRM offers tickets. */
    @Override
    public Optional<CustomerCard> card(String customerId, int interactions) {
        Client current = client;
        Optional<Customer> customer = findById(customerId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<Interaction> last = history(customerId, interactions);
        int open = current.http().settings().endpoints().containsKey(Operation.TICKETS)
                ? tickets(TicketQuery.openOf(customerId, 1000)).size() : 0;
        String lastAgent = last.stream().map(Interaction::agentId).filter(agent -> agent != null).findFirst()
                .orElse(null);
        return Optional.of(new CustomerCard(customer.get(), open, last, lastAgent));
    }

    @Override
    public List<Interaction> history(String customerId, int limit) {
        Client current = client;
        return current.http().exchange(Operation.HISTORY, Map.of("customerId", customerId, "limit",
                String.valueOf(limit)), null)
                .map(answer -> current.json().list(answer).stream().limit(limit)
                        .map(item -> current.json().interaction(item, customerId)).toList())
                .orElse(List.of());
    }

    @Override
    public void recordInteraction(Interaction interaction) {
        Client current = client;
        Map<String, String> values = new HashMap<>();
        values.put("callId", interaction.callId());
        values.put("customerId", interaction.customerId() == null ? "" : interaction.customerId());
        current.http().exchange(Operation.RECORD_INTERACTION, values, current.json().interactionJson(interaction))
                .orElseThrow(() -> notFound("the customer of call " + interaction.callId()));
    }

    @Override
    public Ticket createTicket(NewTicket ticket) {
        Client current = client;
        return current.json().ticket(current.http().exchange(Operation.CREATE_TICKET,
                Map.of("customerId", ticket.customerId()), current.json().ticketJson(ticket))
                .orElseThrow(() -> notFound("customer " + ticket.customerId())));
    }

    @Override
    public Ticket moveTicket(String ticketId, TicketChange change) {
        Client current = client;
        return current.json().ticket(current.http().exchange(Operation.MOVE_TICKET, Map.of("ticketId", ticketId),
                current.json().changeJson(change)).orElseThrow(() -> notFound("ticket " + ticketId)));
    }

    @Override
    public Optional<Ticket> findTicket(String ticketId) {
        Client current = client;
        return current.http().exchange(Operation.FIND_TICKET, Map.of("ticketId", ticketId), null)
                .map(current.json()::ticket);
    }

    @Override
    public List<Ticket> tickets(TicketQuery query) {
        Client current = client;
        Map<String, String> values = Map.of("customerId", query.customerId() == null ? "" : query.customerId(),
                "openOnly", String.valueOf(query.openOnly()), "overdueOnly", String.valueOf(query.overdueOnly()),
                "limit", String.valueOf(query.limit()));
        return current.http().exchange(Operation.TICKETS, values, null)
                .map(answer -> current.json().list(answer).stream().limit(query.limit()).map(current.json()::ticket)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Lead createLead(NewLead lead) {
        Client current = client;
        return current.json().lead(current.http().exchange(Operation.CREATE_LEAD, Map.of(),
                current.json().leadJson(lead)).orElseThrow(() -> notFound("leads")));
    }

    @Override
    public Lead assignLead(String leadId, String agentId) {
        Client current = client;
        return current.json().lead(current.http().exchange(Operation.ASSIGN_LEAD,
                Map.of("leadId", leadId, "agentId", agentId), JsonRecords.object("agentId", agentId))
                .orElseThrow(() -> notFound("lead " + leadId)));
    }

    @Override
    public Customer convertLead(String leadId) {
        Client current = client;
        return current.json().customer(current.http().exchange(Operation.CONVERT_LEAD, Map.of("leadId", leadId),
                null).orElseThrow(() -> notFound("lead " + leadId)));
    }

    @Override
    public Lead loseLead(String leadId, String reason) {
        Client current = client;
        return current.json().lead(current.http().exchange(Operation.LOSE_LEAD, Map.of("leadId", leadId),
                JsonRecords.object("reason", reason)).orElseThrow(() -> notFound("lead " + leadId)));
    }

    @Override
    public List<Lead> leads(LeadStatus status, int limit) {
        Client current = client;
        return current.http().exchange(Operation.LEADS, Map.of("status", status == null ? "" : status.label(),
                "limit", String.valueOf(limit)), null)
                .map(answer -> current.json().list(answer).stream().limit(limit).map(current.json()::lead).toList())
                .orElse(List.of());
    }

    private static CrmException notFound(String what) {
        return new CrmException("REST CRM: " + what + " not found (HTTP 404)");
    }
}
