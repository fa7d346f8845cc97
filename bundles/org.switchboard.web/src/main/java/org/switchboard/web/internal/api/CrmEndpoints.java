package org.switchboard.web.internal.api;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.crm.builtin.BuiltinCrm;
import org.switchboard.crm.builtin.ImportReport;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/**
 * The CRM's workflow: a customer's card, tickets opened and moved along, and the built-in CRM's customers and leads
 * as CSV files (the format callcenter:crm-import and crm-export use). Agents open tickets as callers complain;
 * moving them along is the back office's (supervisors'), importing and exporting the administrators'.
 */
final class CrmEndpoints {
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_NOTE = 2000;
    private static final String CSV = "text/csv; charset=utf-8";

    private final Backends backends;
    private final Audit audit;

    CrmEndpoints(Backends backends, Audit audit) {
        this.backends = backends;
        this.audit = audit;
    }

    void addTo(Router router) {
        router.get("/crm/customers/{key}", Access.SUPERVISORS, this::customer);
        router.post("/crm/tickets", Access.ANY_USER, this::openTicket);
        router.post("/crm/tickets/{id}/steps", Access.SUPERVISORS, this::stepTicket);
        router.get("/crm/customers.csv", Access.ADMINS, request -> export(request, "customers"));
        router.get("/crm/leads.csv", Access.ADMINS, request -> export(request, "leads"));
        router.post("/crm/customers.csv", Access.ADMINS, request -> importCsv(request, "customers"));
        router.post("/crm/leads.csv", Access.ADMINS, request -> importCsv(request, "leads"));
    }

    private CrmAdapter adapter() {
        return backends.crm().adapter().orElseThrow(() -> ApiException.unavailable("the CRM adapter in use"));
    }

    /** The customer calling from a number, or with an id: their card, as the agent's screen pop shows it. */
    private ApiResponse customer(ApiRequest request) {
        String key = request.param("key");
        int last = QueryLimit.of(request, "last", 10, 100);
        CrmAdapter adapter = adapter();
        Customer customer = adapter.findByPhone(key).or(() -> adapter.findById(key))
                .orElseThrow(() -> ApiException.notFound("no customer with number or id '" + key + "'"));
        return ApiResponse.ok(CallEndpoints.card(adapter.card(customer.id(), last)
                .orElseThrow(() -> ApiException.notFound("no customer with id '" + customer.id() + "'"))));
    }

    private ApiResponse openTicket(ApiRequest request) {
        JsonBody body = request.json().allowOnly("customerId", "subject", "callId", "dueAt", "note");
        String customerId = body.text("customerId");
        String subject = limited(body, "subject", body.text("subject"), MAX_SUBJECT);
        String callId = body.optionalText("callId");
        String note = limited(body, "note", body.optionalText("note"), MAX_NOTE);
        Instant due = dueAt(body.optionalText("dueAt"));
        CrmAdapter adapter = adapter();
        if (adapter.findById(customerId).isEmpty()) {
            throw ApiException.badField("customerId", "no customer with id '" + customerId + "'");
        }
        Ticket ticket;
        try {
            ticket = adapter.createTicket(new NewTicket(customerId, subject, callId, due, request.user().username(),
                    note));
        } catch (CrmException e) {
            throw ApiException.conflict("the CRM refused the ticket: " + e.getMessage());
        }
        audit.record(request, "ticket-open", "ticket " + ticket.id() + " for customer " + customerId + ": "
                + subject);
        return new ApiResponse(201, ticket, null, null, Map.of());
    }

    private static String limited(JsonBody body, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badField(field, "at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    private static Instant dueAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badField("dueAt", "'" + text + "' is not an instant like 2024-03-10T17:00:00Z");
        }
    }

    /** The next step of a ticket's workflow; a step its status does not allow is refused with 409. */
    private ApiResponse stepTicket(ApiRequest request) {
        JsonBody body = request.json().allowOnly("status", "assignee", "note");
        String label = body.text("status");
        TicketStatus next;
        try {
            next = TicketStatus.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("status", "'" + label + "' is not one of received, assigned, checked, "
                    + "resolved, feedback-given");
        }
        String assignee = body.optionalText("assignee");
        if (next == TicketStatus.ASSIGNED && (assignee == null || assignee.isBlank())) {
            throw ApiException.badField("assignee", "is required to assign a ticket (the branch or team)");
        }
        String note = limited(body, "note", body.optionalText("note"), MAX_NOTE);
        String id = request.param("id");
        CrmAdapter adapter = adapter();
        Ticket ticket = adapter.findTicket(id).orElseThrow(() -> ApiException.notFound("no ticket '" + id + "'"));
        if (!ticket.status().canMoveTo(next)) {
            throw ApiException.conflict("ticket " + id + " is " + ticket.status().label() + "; it may move to "
                    + ticket.status().allowedNext().stream().map(TicketStatus::label).toList());
        }
        Ticket moved;
        try {
            moved = adapter.moveTicket(id, new TicketChange(next, request.user().username(), assignee, note));
        } catch (CrmException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, "ticket-step", "ticket " + id + " to " + next.label()
                + (assignee == null ? "" : " (" + assignee + ")") + (note == null ? "" : ": " + note));
        return ApiResponse.ok(moved);
    }

    private ApiResponse export(ApiRequest request, String what) {
        BuiltinCrm crm = backends.builtinCrmFiles();
        StringWriter csv = new StringWriter();
        int count;
        try {
            count = what.equals("customers") ? crm.exportCustomers(csv) : crm.exportLeads(csv);
        } catch (CrmException e) {
            throw ApiException.conflict("no export: " + e.getMessage());
        }
        audit.record(request, "crm-export", count + " " + what + " through the web API");
        return ApiResponse.text(CSV, csv.toString())
                .withHeader("Content-Disposition", "attachment; filename=\"" + what + ".csv\"");
    }

    /** All rows or, when any row is bad, none: then 400 with every bad row and its reason. */
    private ApiResponse importCsv(ApiRequest request, String what) {
        if (request.body().isBlank()) {
            throw ApiException.badField("body", "the CSV file, with its header row, is required");
        }
        BuiltinCrm crm = backends.builtinCrmFiles();
        ImportReport report;
        try (StringReader csv = new StringReader(request.body())) {
            report = what.equals("customers") ? crm.importCustomers(csv) : crm.importLeads(csv);
        } catch (CrmException e) {
            throw ApiException.conflict("nothing imported: " + e.getMessage());
        }
        if (!report.succeeded()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "nothing imported: " + report.errors().size() + " bad row(s)");
            answer.put("field", "body");
            answer.put("problems", report.errors().stream().map(error -> Map.of("row", error.row(), "reason",
                    error.reason())).toList());
            return new ApiResponse(400, answer, null, null, Map.of());
        }
        audit.record(request, "crm-import", report.imported() + " " + what + " through the web API");
        return ApiResponse.ok(Map.of("imported", report.imported()));
    }
}
