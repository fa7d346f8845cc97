package org.switchboard.crm.rest.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.switchboard.crm.api.Contact;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.api.NewCustomer;
import org.switchboard.crm.api.NewLead;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.crm.api.TicketStep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the CRM's JSON into the SPI's records and back. Customers and interactions follow the configured field
 * maps; tickets and leads use the records' own field names, statuses as labels (e.g. {@code feedback-given}).
 * Times are ISO-8601 text (with an offset or {@code Z}) or epoch milliseconds.
 */
final class JsonRecords {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RestCrmSettings settings;

    JsonRecords(RestCrmSettings settings) {
        this.settings = settings;
    }

    // ---- lists

    /** The records of an answer that lists them: the array itself, or the one at {@code listField}. */
    List<JsonNode> list(JsonNode answer) {
        JsonNode array = answer;
        if (!settings.listField().isEmpty() && answer.isObject()) {
            for (String key : settings.listField().split("\\.")) {
                array = array.path(key);
            }
        }
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new CrmException("REST CRM: expected a list of records"
                    + (settings.listField().isEmpty() ? "" : " at " + settings.listField()) + ", got " + kind(array));
        }
        List<JsonNode> records = new ArrayList<>(array.size());
        array.forEach(records::add);
        return records;
    }

    /** One record, or the first of a list of them (a search by phone may answer with a list). */
    Optional<JsonNode> firstOrOnly(JsonNode answer) {
        if (answer.isArray() || !settings.listField().isEmpty() && answer.has(settings.listField().split("\\.")[0])) {
            return list(answer).stream().findFirst();
        }
        return answer.isObject() ? Optional.of(answer) : Optional.empty();
    }

    // ---- customers

    Customer customer(JsonNode json) {
        FieldMap fields = settings.customerFields();
        String id = text(fields.get(json, "customerId"))
                .orElseThrow(() -> new CrmException("REST CRM: a customer without its id (field.customerId)"));
        List<String> phones = new ArrayList<>();
        JsonNode phoneNode = fields.get(json, "phones");
        if (phoneNode.isArray()) {
            phoneNode.forEach(phone -> text(phone).ifPresent(phones::add));
        } else {
            text(phoneNode).ifPresent(phones::add);
        }
        List<Contact> contacts = new ArrayList<>();
        for (JsonNode contact : fields.get(json, "contacts")) {
            text(contact.path("name")).ifPresent(name -> contacts.add(new Contact(name,
                    text(contact.path("role")).orElse(null), text(contact.path("phone")).orElse(null),
                    text(contact.path("email")).orElse(null))));
        }
        Instant created = fields.get(json, "createdAt").isMissingNode() ? Instant.EPOCH
                : instant(fields.get(json, "createdAt"), "field.createdAt").orElse(Instant.EPOCH);
        return new Customer(id, text(fields.get(json, "name")).orElse(id), vipLevel(fields.get(json, "vipLevel")),
                text(fields.get(json, "region")).orElse(null), text(fields.get(json, "ownerAgent")).orElse(null),
                text(fields.get(json, "ownerTeam")).orElse(null), phones, contacts, created);
    }

    ObjectNode customerJson(NewCustomer customer) {
        FieldMap fields = settings.customerFields();
        ObjectNode json = NODES.objectNode();
        fields.put(json, "name", NODES.textNode(customer.name()));
        fields.put(json, "vipLevel", NODES.numberNode(customer.vipLevel()));
        putText(json, fields, "region", customer.region());
        putText(json, fields, "ownerAgent", customer.ownerAgent());
        putText(json, fields, "ownerTeam", customer.ownerTeam());
        ArrayNode phones = NODES.arrayNode();
        customer.phones().forEach(phones::add);
        fields.put(json, "phones", phones);
        ArrayNode contacts = NODES.arrayNode();
        for (Contact contact : customer.contacts()) {
            ObjectNode item = contacts.addObject().put("name", contact.name());
            putIfPresent(item, "role", contact.role());
            putIfPresent(item, "phone", contact.phone());
            putIfPresent(item, "email", contact.email());
        }
        fields.put(json, "contacts", contacts);
        return json;
    }

    // ---- interactions

    /** @param customerId the customer whose history this is, for CRMs that leave it out of each interaction */
    Interaction interaction(JsonNode json, String customerId) {
        FieldMap fields = settings.interactionFields();
        String callId = text(fields.get(json, "callId"))
                .orElseThrow(() -> new CrmException("REST CRM: an interaction without its call id"));
        String customer = text(fields.get(json, "customerId")).orElse(null);
        String lead = text(fields.get(json, "leadId")).orElse(null);
        return new Interaction(callId, customer == null && lead == null ? customerId : customer, lead,
                text(fields.get(json, "phone")).orElse(""), text(fields.get(json, "queue")).orElse(null),
                text(fields.get(json, "agentId")).orElse(null),
                text(fields.get(json, "disposition")).orElse("unknown"),
                required(instant(fields.get(json, "startedAt"), "interaction.startedAt"), "interaction", callId,
                        "startedAt"),
                required(instant(fields.get(json, "endedAt"), "interaction.endedAt"), "interaction", callId,
                        "endedAt"),
                text(fields.get(json, "notes")).orElse(null), text(fields.get(json, "recordingId")).orElse(null));
    }

    ObjectNode interactionJson(Interaction interaction) {
        FieldMap fields = settings.interactionFields();
        ObjectNode json = NODES.objectNode();
        putText(json, fields, "callId", interaction.callId());
        putText(json, fields, "customerId", interaction.customerId());
        putText(json, fields, "leadId", interaction.leadId());
        putText(json, fields, "phone", interaction.phone());
        putText(json, fields, "queue", interaction.queue());
        putText(json, fields, "agentId", interaction.agentId());
        putText(json, fields, "disposition", interaction.disposition());
        putText(json, fields, "startedAt", interaction.startedAt().toString());
        putText(json, fields, "endedAt", interaction.endedAt().toString());
        putText(json, fields, "notes", interaction.notes());
        putText(json, fields, "recordingId", interaction.recordingId());
        return json;
    }

    // ---- tickets

    Ticket ticket(JsonNode json) {
        String id = text(json.path("id")).orElseThrow(() -> new CrmException("REST CRM: a ticket without its id"));
        List<TicketStep> steps = new ArrayList<>();
        for (JsonNode step : json.path("steps")) {
            steps.add(new TicketStep(ticketStatus(step.path("status"), id), text(step.path("by")).orElse("unknown"),
                    required(instant(step.path("at"), "ticket step at"), "ticket", id, "steps.at"),
                    text(step.path("assignee")).orElse(null), text(step.path("note")).orElse(null)));
        }
        return new Ticket(id, text(json.path("customerId")).orElseThrow(
                () -> new CrmException("REST CRM: ticket " + id + " without customerId")),
                text(json.path("subject")).orElse(""), ticketStatus(json.path("status"), id),
                text(json.path("assignee")).orElse(null), text(json.path("callId")).orElse(null),
                required(instant(json.path("createdAt"), "ticket createdAt"), "ticket", id, "createdAt"),
                instant(json.path("dueAt"), "ticket dueAt").orElse(null), steps);
    }

    ObjectNode ticketJson(NewTicket ticket) {
        ObjectNode json = NODES.objectNode().put("customerId", ticket.customerId()).put("subject", ticket.subject())
                .put("by", ticket.by());
        putIfPresent(json, "callId", ticket.callId());
        putIfPresent(json, "dueAt", ticket.dueAt() == null ? null : ticket.dueAt().toString());
        putIfPresent(json, "note", ticket.note());
        return json;
    }

    ObjectNode changeJson(TicketChange change) {
        ObjectNode json = NODES.objectNode().put("status", change.to().label()).put("by", change.by());
        putIfPresent(json, "assignee", change.assignee());
        putIfPresent(json, "note", change.note());
        return json;
    }

    // ---- leads

    Lead lead(JsonNode json) {
        String id = text(json.path("id")).orElseThrow(() -> new CrmException("REST CRM: a lead without its id"));
        LeadStatus status;
        try {
            status = LeadStatus.fromLabel(text(json.path("status")).orElse("new"));
        } catch (IllegalArgumentException e) {
            throw new CrmException("REST CRM: lead " + id + " has an unknown status " + json.path("status"));
        }
        return new Lead(id, text(json.path("name")).orElse(id), text(json.path("phone")).orElse(null),
                text(json.path("email")).orElse(null), text(json.path("source")).orElse("unknown"), status,
                text(json.path("assignedAgent")).orElse(null), text(json.path("convertedCustomerId")).orElse(null),
                text(json.path("notes")).orElse(null),
                required(instant(json.path("createdAt"), "lead createdAt"), "lead", id, "createdAt"));
    }

    ObjectNode leadJson(NewLead lead) {
        ObjectNode json = NODES.objectNode().put("name", lead.name()).put("source", lead.source());
        putIfPresent(json, "phone", lead.phone());
        putIfPresent(json, "email", lead.email());
        putIfPresent(json, "callId", lead.callId());
        putIfPresent(json, "assignedAgent", lead.assignedAgent());
        putIfPresent(json, "notes", lead.notes());
        return json;
    }

    static ObjectNode object(String key, String value) {
        return NODES.objectNode().put(key, value);
    }

    // ---- values

    private int vipLevel(JsonNode node) {
        if (node.isNumber()) {
            return Math.max(0, node.asInt());
        }
        Optional<String> text = text(node);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.get()));
        } catch (NumberFormatException e) {
            return settings.vipLevels().getOrDefault(text.get().toLowerCase(Locale.ROOT), 0);
        }
    }

    private static TicketStatus ticketStatus(JsonNode node, String ticketId) {
        try {
            return TicketStatus.fromLabel(text(node).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new CrmException("REST CRM: ticket " + ticketId + " has an unknown status " + node);
        }
    }

    private static Optional<Instant> instant(JsonNode node, String what) {
        if (node.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        Optional<String> text = text(node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new CrmException("REST CRM: " + what + " '" + text.get() + "' is not an ISO-8601 time with offset");
        }
    }

    private static Instant required(Optional<Instant> value, String record, String id, String field) {
        return value.orElseThrow(() -> new CrmException("REST CRM: " + record + " " + id + " without " + field));
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        String text = node.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void putText(ObjectNode json, FieldMap fields, String field, String value) {
        if (value != null) {
            fields.put(json, field, NODES.textNode(value));
        }
    }

    private static void putIfPresent(ObjectNode json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
