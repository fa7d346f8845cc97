package org.switchboard.crm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.NewCustomer;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketStatus;

public class RestCrmAdapterTest {

    private static final String SECRET = "Bearer s3cr3t-token";
    private static final String LI_WEI = """
            {"id": 17, "fullName": "Li Wei", "profile": {"tier": "Gold", "region": "north"},
             "phones": ["+8613800000017", "010-5555-0117"],
             "contacts": [{"name": "Zhang Min", "role": "assistant", "email": "min@example.com"}, {"role": "x"}],
             "created": "2024-03-01T08:00:00Z"}""";

    private FakeCrmServer crm;
    private final RestCrmAdapter adapter = new RestCrmAdapter();

    @Before
    public void startCrm() throws IOException {
        crm = new FakeCrmServer();
        adapter.configure(settings(Map.of()));
    }

    @After
    public void stopCrm() {
        crm.close();
    }

    @Test
    public void customerFieldsAreReadFromTheConfiguredPaths() {
        crm.answer("GET /customers", 200, "[" + LI_WEI + "]");

        Customer customer = adapter.findByPhone("+8613800000017").orElseThrow();

        assertEquals("17", customer.id());
        assertEquals("Li Wei", customer.name());
        assertEquals(2, customer.vipLevel());
        assertEquals("north", customer.region());
        assertNull(customer.ownerAgent());
        assertEquals(List.of("+8613800000017", "010-5555-0117"), customer.phones());
        assertEquals(1, customer.contacts().size());
        assertEquals("Zhang Min", customer.contacts().get(0).name());
        assertEquals("min@example.com", customer.contacts().get(0).email());
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), customer.createdAt());
    }

    @Test
    public void phoneNumberIsSentUrlEncodedInTheConfiguredPath() {
        crm.answer("GET /customers", 200, "[]");

        adapter.findByPhone("+86 138/17");

        assertEquals("/customers?phone=%2B86%20138%2F17", crm.lastRequest().uri());
        assertEquals("GET", crm.lastRequest().method());
    }

    @Test
    public void authHeaderIsSentWithEveryRequest() {
        crm.answer("GET /customers", 200, "[]").answer("GET /customers/17", 200, LI_WEI);

        adapter.findByPhone("+8613800000017");
        adapter.findById("17");

        assertEquals(2, crm.requests().size());
        for (FakeCrmServer.Request request : crm.requests()) {
            assertEquals(SECRET, request.header("Authorization"));
        }
    }

    @Test
    public void notFoundMeansUnknownCustomer() {
        assertEquals(Optional.empty(), adapter.findByPhone("+15550100"));
        assertEquals(Optional.empty(), adapter.findById("404"));
    }

    @Test
    public void anEmptyListMeansUnknownCustomer() {
        crm.answer("GET /customers", 200, "[]");

        assertEquals(Optional.empty(), adapter.findByPhone("+15550100"));
    }

    @Test
    public void aServerErrorIsACrmExceptionWithTheStatusAndWhatTheServerSaid() {
        crm.answer("GET /customers", 500, "{\"error\": \"database down\"}");

        CrmException e = assertThrows(CrmException.class, () -> adapter.findByPhone("+15550100"));

        assertTrue(e.getMessage(), e.getMessage().startsWith("REST CRM GET " + crm.baseUrl() + "/customers?phone="));
        assertTrue(e.getMessage(), e.getMessage().contains("answered HTTP 500: {\"error\": \"database down\"}"));
        assertFalse(e.getMessage(), e.getMessage().contains(SECRET));
    }

    @Test
    public void aRefusedRequestIsACrmException() {
        crm.answer("GET /customers", 401, "");

        CrmException e = assertThrows(CrmException.class, () -> adapter.findByPhone("+15550100"));

        assertTrue(e.getMessage(), e.getMessage().endsWith("answered HTTP 401"));
    }

    @Test
    public void unreadableJsonIsACrmException() {
        crm.answer("GET /customers", 200, "[{\"id\": 17,");

        CrmException e = assertThrows(CrmException.class, () -> adapter.findByPhone("+15550100"));

        assertTrue(e.getMessage(), e.getMessage().contains("answered with JSON that cannot be read"));
    }

    @Test
    public void aCustomerWithoutItsIdIsACrmException() {
        crm.answer("GET /customers", 200, "[{\"fullName\": \"Nobody\"}]");

        CrmException e = assertThrows(CrmException.class, () -> adapter.findByPhone("+15550100"));

        assertEquals("REST CRM: a customer without its id (field.customerId)", e.getMessage());
    }

    @Test
    public void aServerSlowerThanTheReadTimeoutIsACrmException() {
        crm.stall("GET /customers");

        CrmException e = assertThrows(CrmException.class, () -> adapter.findByPhone("+15550100"));

        assertTrue(e.getMessage(), e.getMessage().contains("no answer within"));
    }

    @Test
    public void aServerThatIsNotListeningIsACrmException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        adapter.configure(Map.of("baseUrl", "http://127.0.0.1:" + closedPort));

        CrmException e = assertThrows(CrmException.class, () -> adapter.findByPhone("+15550100"));

        assertTrue(e.getMessage(), e.getMessage().contains("could not connect"));
    }

    @Test
    public void withoutBaseUrlEveryRequestFailsSayingSo() {
        RestCrmAdapter unconfigured = new RestCrmAdapter();

        CrmException e = assertThrows(CrmException.class, () -> unconfigured.findByPhone("+15550100"));

        assertEquals("REST CRM: baseUrl is not set in org.switchboard.crm.rest", e.getMessage());
    }

    @Test
    public void anOperationWithAnEmptyPathIsNotOffered() {
        Map<String, Object> properties = new HashMap<>(settings(Map.of()));
        properties.put("searchPath", "");
        adapter.configure(properties);

        CrmException e = assertThrows(CrmException.class, () -> adapter.search("li", 10));

        assertTrue(e.getMessage(), e.getMessage().startsWith("REST CRM: searchPath is empty"));
    }

    @Test
    public void aBadConfigurationKeepsThePreviousSettings() {
        crm.answer("GET /customers", 200, "[" + LI_WEI + "]");
        Map<String, Object> bad = new HashMap<>(settings(Map.of()));
        bad.put("baseUrl", "ftp://elsewhere");

        adapter.configure(bad);

        assertEquals("17", adapter.findByPhone("+8613800000017").orElseThrow().id());
    }

    @Test
    public void interactionIsPutAtItsCallIdWithTheMappedFields() {
        crm.answer("PUT /interactions/CALL-9", 204, "");
        Interaction interaction = new Interaction("CALL-9", "17", null, "+8613800000017", "support", "1002",
                "answered", Instant.parse("2024-05-06T10:00:00Z"), Instant.parse("2024-05-06T10:03:00Z"), null, null);

        adapter.recordInteraction(interaction);

        FakeCrmServer.Request request = crm.lastRequest();
        assertEquals("PUT", request.method());
        assertEquals("/interactions/CALL-9", request.uri());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("{\"callId\":\"CALL-9\",\"customer\":{\"ref\":\"17\"},\"phone\":\"+8613800000017\","
                + "\"queue\":\"support\",\"handledBy\":\"1002\",\"disposition\":\"answered\","
                + "\"startedAt\":\"2024-05-06T10:00:00Z\",\"endedAt\":\"2024-05-06T10:03:00Z\"}", request.body());
    }

    @Test
    public void cardShowsTheHistoryAndTheAgentWhoServedLast() {
        crm.answer("GET /customers/17", 200, LI_WEI).answer("GET /customers/17/interactions", 200, """
                {"data": [
                  {"callId": "CALL-8", "handledBy": null, "disposition": "abandoned",
                   "startedAt": "2024-05-05T09:00:00Z", "endedAt": "2024-05-05T09:01:00Z"},
                  {"callId": "CALL-7", "handledBy": "1002", "disposition": "answered",
                   "startedAt": 1714900000000, "endedAt": "2024-05-05T10:02:00+02:00"}]}""");
        Map<String, Object> properties = new HashMap<>(settings(Map.of()));
        properties.put("ticketsPath", "");
        adapter.configure(properties);

        CustomerCard card = adapter.card("17", 5).orElseThrow();

        assertEquals("Li Wei", card.customer().name());
        assertEquals(2, card.lastInteractions().size());
        assertEquals("17", card.lastInteractions().get(1).customerId());
        assertEquals(Instant.ofEpochMilli(1714900000000L), card.lastInteractions().get(1).startedAt());
        assertEquals(Instant.parse("2024-05-05T08:02:00Z"), card.lastInteractions().get(1).endedAt());
        assertEquals("1002", card.lastAgent());
        assertEquals(0, card.openTickets());
        assertEquals("/customers/17/interactions?limit=5", crm.lastRequest().uri());
    }

    @Test
    public void newCustomerIsPostedWithTheMappedFieldsAndComesBackWithItsId() {
        crm.answer("POST /customers", 201, """
                {"id": "C-100", "fullName": "Caller +15550100", "phones": ["+15550100"]}""");

        Customer created = adapter.createCustomer(NewCustomer.unknownCaller("+15550100"));

        assertEquals("C-100", created.id());
        assertEquals(0, created.vipLevel());
        assertEquals(Instant.EPOCH, created.createdAt());
        assertEquals("{\"fullName\":\"Caller +15550100\",\"profile\":{\"tier\":0},\"phones\":[\"+15550100\"],"
                + "\"contacts\":[]}", crm.lastRequest().body());
    }

    @Test
    public void ticketIsOpenedAndMovedThroughItsWorkflow() {
        String received = """
                {"id": "T-1", "customerId": "17", "subject": "late delivery", "status": "received",
                 "createdAt": "2024-05-06T10:00:00Z",
                 "steps": [{"status": "received", "by": "1002", "at": "2024-05-06T10:00:00Z"}]}""";
        crm.answer("POST /tickets", 201, received).answer("POST /tickets/T-1/steps", 200, """
                {"id": "T-1", "customerId": "17", "subject": "late delivery", "status": "assigned",
                 "assignee": "north-branch", "createdAt": "2024-05-06T10:00:00Z",
                 "steps": [{"status": "received", "by": "1002", "at": "2024-05-06T10:00:00Z"},
                           {"status": "assigned", "by": "lead", "at": "2024-05-06T11:00:00Z",
                            "assignee": "north-branch"}]}""");

        Ticket opened = adapter.createTicket(new NewTicket("17", "late delivery", "CALL-9", null, "1002", null));
        Ticket moved = adapter.moveTicket("T-1", new TicketChange(TicketStatus.ASSIGNED, "lead", "north-branch",
                null));

        assertEquals(TicketStatus.RECEIVED, opened.status());
        assertEquals(TicketStatus.ASSIGNED, moved.status());
        assertEquals("north-branch", moved.assignee());
        assertEquals(2, moved.steps().size());
        assertEquals("{\"status\":\"assigned\",\"by\":\"lead\",\"assignee\":\"north-branch\"}",
                crm.lastRequest().body());
    }

    @Test
    public void movingATicketTheCrmDoesNotKnowIsACrmException() {
        CrmException e = assertThrows(CrmException.class, () -> adapter.moveTicket("T-404",
                new TicketChange(TicketStatus.CHECKED, "lead", null, null)));

        assertEquals("REST CRM: ticket T-404 not found (HTTP 404)", e.getMessage());
    }

    private Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("baseUrl", crm.baseUrl());
        properties.put("authHeader", "Authorization: " + SECRET);
        properties.put("connectTimeoutMillis", "500");
        properties.put("readTimeoutMillis", "300");
        properties.put("field.name", "fullName");
        properties.put("field.vipLevel", "profile.tier");
        properties.put("field.region", "profile.region");
        properties.put("field.createdAt", "created");
        properties.put("interaction.agentId", "handledBy");
        properties.put("interaction.customerId", "customer.ref");
        properties.put("vipLevels", "silver:1, gold:2, platinum:3");
        properties.put("listField", "data");
        properties.putAll(extra);
        return properties;
    }
}
