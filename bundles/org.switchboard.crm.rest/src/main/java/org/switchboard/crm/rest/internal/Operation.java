package org.switchboard.crm.rest.internal;

import java.util.Set;

/**
 * The CRM operations the adapter maps to HTTP requests: the configuration key of each one's endpoint, its default
 * endpoint, and the placeholders its path may use.
 */
enum Operation {
    FIND_BY_PHONE("findByPhonePath", "GET /customers?phone={phone}", "phone"),
    FIND_BY_ID("findByIdPath", "GET /customers/{customerId}", "customerId"),
    SEARCH("searchPath", "GET /customers?search={text}&limit={limit}", "text", "limit"),
    CREATE_CUSTOMER("createCustomerPath", "POST /customers"),
    HISTORY("historyPath", "GET /customers/{customerId}/interactions?limit={limit}", "customerId", "limit"),
    RECORD_INTERACTION("recordInteractionPath", "PUT /interactions/{callId}", "callId", "customerId"),
    CREATE_TICKET("createTicketPath", "POST /tickets", "customerId"),
    MOVE_TICKET("moveTicketPath", "POST /tickets/{ticketId}/steps", "ticketId"),
    FIND_TICKET("findTicketPath", "GET /tickets/{ticketId}", "ticketId"),
    TICKETS("ticketsPath", "GET /tickets?customerId={customerId}&open={openOnly}&overdue={overdueOnly}&limit={limit}",
            "customerId", "openOnly", "overdueOnly", "limit"),
    CREATE_LEAD("createLeadPath", "POST /leads"),
    ASSIGN_LEAD("assignLeadPath", "POST /leads/{leadId}/assign", "leadId", "agentId"),
    CONVERT_LEAD("convertLeadPath", "POST /leads/{leadId}/convert", "leadId"),
    LOSE_LEAD("loseLeadPath", "POST /leads/{leadId}/lose", "leadId"),
    LEADS("leadsPath", "GET /leads?status={status}&limit={limit}", "status", "limit");

    private final String key;
    private final String defaultEndpoint;
    private final Set<String> placeholders;

    Operation(String key, String defaultEndpoint, String... placeholders) {
        this.key = key;
        this.defaultEndpoint = defaultEndpoint;
        this.placeholders = Set.of(placeholders);
    }

    /** The configuration key of the operation's endpoint, e.g. {@code findByPhonePath}. */
    String key() {
        return key;
    }

    String defaultEndpoint() {
        return defaultEndpoint;
    }

    Set<String> placeholders() {
        return placeholders;
    }
}
