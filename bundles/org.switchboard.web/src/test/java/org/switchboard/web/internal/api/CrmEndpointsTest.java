package org.switchboard.web.internal.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/** The CRM's workflow through the API: a customer's card, tickets opened and moved along, CSV imports. */
public class CrmEndpointsTest {

    private final InMemoryCrm crm = new InMemoryCrm().withCustomer("C7", "Dana Ortiz", "+15550100");
    private final InMemoryOperations.Audit auditLog = new InMemoryOperations.Audit();
    private final FakeBackends backends = FakeBackends.withDemoUsers().withCustomers(crm.directory())
            .withAuditLog(auditLog);
    private final Router router = ApiRoutes.build(backends);
    private final ApiClient agent = ApiClient.login(backends, router, "1001", "agent1001");
    private final ApiClient supervisor = ApiClient.login(backends, router, "supervisor", "supervisor");

    @Test
    public void aSupervisorFindsACustomersCardByPhoneOrById() {
        ApiResponse byPhone = supervisor.get("/crm/customers/+15550100");
        ApiResponse byId = supervisor.get("/crm/customers/C7");

        assertEquals(200, byPhone.status());
        assertEquals("Dana Ortiz", ApiClient.field(byPhone, "name"));
        assertEquals(byPhone.json(), byId.json());
        assertEquals(404, supervisor.get("/crm/customers/+15559999").status());
        assertEquals("last", ApiClient.field(supervisor.get("/crm/customers/C7", Map.of("last", "0")), "field"));
    }

    @Test
    public void anAgentOpensATicketThatASupervisorTakesThroughItsSteps() {
        ApiResponse opened = agent.send("POST", "/crm/tickets", "{\"customerId\":\"C7\",\"subject\":\"Double "
                + "charge\",\"note\":\"charged twice in March\",\"dueAt\":\"2030-01-31T17:00:00Z\"}");

        assertEquals(opened.json().toString(), 201, opened.status());
        Ticket ticket = (Ticket) opened.json();
        assertEquals(TicketStatus.RECEIVED, ticket.status());
        assertEquals("1001", ticket.steps().get(0).by());

        ApiResponse assigned = supervisor.send("POST", "/crm/tickets/" + ticket.id() + "/steps",
                "{\"status\":\"assigned\",\"assignee\":\"billing\"}");

        assertEquals(200, assigned.status());
        assertEquals(TicketStatus.ASSIGNED, crm.findTicket(ticket.id()).orElseThrow().status());
        assertEquals("billing", crm.findTicket(ticket.id()).orElseThrow().assignee());
        assertEquals(List.of("ticket-step", "ticket-open"), auditLog.recent(2).stream().map(e -> e.action())
                .toList());
    }

    @Test
    public void aStepTheTicketsStatusDoesNotAllowIsRefusedWith409() {
        Ticket ticket = (Ticket) agent.send("POST", "/crm/tickets", "{\"customerId\":\"C7\",\"subject\":\"Late "
                + "delivery\"}").json();

        ApiResponse skipped = supervisor.send("POST", "/crm/tickets/" + ticket.id() + "/steps",
                "{\"status\":\"resolved\"}");

        assertEquals(409, skipped.status());
        assertTrue(skipped.json().toString(), ApiClient.field(skipped, "error").toString().contains("[assigned]"));
        assertEquals(TicketStatus.RECEIVED, crm.findTicket(ticket.id()).orElseThrow().status());
        assertEquals(404, supervisor.send("POST", "/crm/tickets/T404/steps", "{\"status\":\"checked\"}").status());
    }

    @Test
    public void badTicketRequestsGet400NamingTheFieldAndOpenNothing() {
        assertField("subject", agent.send("POST", "/crm/tickets", "{\"customerId\":\"C7\"}"));
        assertField("customerId", agent.send("POST", "/crm/tickets", "{\"customerId\":\"C404\",\"subject\":\"x\"}"));
        assertField("dueAt", agent.send("POST", "/crm/tickets", "{\"customerId\":\"C7\",\"subject\":\"x\","
                + "\"dueAt\":\"tomorrow\"}"));
        assertField("status", supervisor.send("POST", "/crm/tickets/T1/steps", "{\"status\":\"done\"}"));
        assertField("assignee", supervisor.send("POST", "/crm/tickets/T1/steps", "{\"status\":\"assigned\"}"));
        assertTrue(crm.findTicket("T1").isEmpty());
        assertTrue(auditLog.entries.stream().noneMatch(entry -> entry.action().equals("ticket-open")));
    }

    @Test
    public void theWorkflowIsForTheRolesThatRunIt() {
        assertEquals(403, agent.send("POST", "/crm/tickets/T1/steps", "{\"status\":\"assigned\"}").status());
        assertEquals(403, agent.get("/crm/customers/C7").status());
        assertEquals(403, supervisor.send("POST", "/crm/customers.csv", "id,name\n,Eve\n").status());
        assertEquals(403, supervisor.get("/crm/leads.csv").status());
    }

    @Test
    public void csvImportsNeedABodyAndTheBuiltInCrm() {
        ApiClient admin = ApiClient.login(backends, router, "karaf", "karaf");

        assertField("body", admin.send("POST", "/crm/customers.csv", ""));
        assertEquals(503, admin.send("POST", "/crm/leads.csv", "id,name\n,Eve\n").status());
        assertEquals(503, admin.get("/crm/customers.csv").status());
    }

    private static void assertField(String field, ApiResponse answer) {
        assertEquals(answer.json().toString(), 400, answer.status());
        assertEquals(field, ApiClient.field(answer, "field"));
    }
}
