package org.switchboard.crm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.switchboard.api.acd.CallEnrichment;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallEvents;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.Interaction;

public class CrmCoreTest {

    /** Long enough for any machine; only a test that fails waits this long. */
    private static final long PATIENCE_SECONDS = 10;

    private final CrmCore core = new CrmCore(Duration.ofMillis(20));
    private final InMemoryCrm builtin = new InMemoryCrm();
    private final InMemoryCrm rest = new InMemoryCrm();

    @Before
    public void start() {
        core.activate(settings("adapter", "builtin"));
        core.bindAdapter(builtin, Map.of(CrmAdapter.NAME_PROPERTY, "builtin"));
        core.bindAdapter(rest, Map.of(CrmAdapter.NAME_PROPERTY, "rest"));
    }

    @After
    public void stop() {
        builtin.releaseLookups();
        rest.releaseLookups();
        core.deactivate();
    }

    private static Map<String, Object> settings(String... keysAndValues) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    private static InboundCall call(String callId, String ani) {
        return new InboundCall(callId, ani, "4000", "support", Instant.parse("2026-03-01T09:00:00Z"));
    }

    private CallEnrichment enrich(InboundCall call) throws Exception {
        return core.enrich(call).toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static Event ended(String callId, String ani, Map<String, String> variables) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CallEvents.CALL_ID, callId);
        properties.put(CallEvents.ANI, ani);
        properties.put(CallEvents.DNIS, "4000");
        properties.put(CallEvents.QUEUE, "support");
        properties.put(CallEvents.AGENT_ID, "1002");
        properties.put(CallEvents.DISPOSITION, "ANSWERED");
        properties.put(CallEvents.ARRIVED_AT, Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());
        properties.put(CallEvents.ENDED_AT, Instant.parse("2026-03-01T09:05:00Z").toEpochMilli());
        properties.put(CallEvents.VARIABLES, variables);
        return new Event(CallEvents.ENDED, properties);
    }

    private void awaitNoPendingInteractions() throws InterruptedException {
        for (int i = 0; i < PATIENCE_SECONDS * 100 && !core.pendingInteractions().isEmpty(); i++) {
            Thread.sleep(10);
        }
    }

    @Test
    public void aKnownCallerIsEnrichedWithTheCustomerTheirVipLevelAsBoostAndThePreviousAgent() throws Exception {
        Customer vip = builtin.add("Acme", 3, "north", "5551000");
        builtin.served(new Interaction("old", vip.id(), null, "5551000", "support", "1003", "answered",
                Instant.parse("2026-02-01T09:00:00Z"), Instant.parse("2026-02-01T09:03:00Z"), null, null));

        CallEnrichment enrichment = enrich(call("c1", "5551000"));

        assertEquals(new CallEnrichment(Map.of("crm.customerId", vip.id(), "crm.customerName", "Acme",
                "crm.vipLevel", "3", "crm.region", "north", "crm.previousAgent", "1003"), 3), enrichment);
    }

    @Test
    public void anUnknownCallerIsNotEnriched() throws Exception {
        assertEquals(CallEnrichment.NONE, enrich(call("c1", "5559999")));
    }

    @Test
    public void aCallerKeyedInInTheIvrIsLookedUpByTheirId() throws Exception {
        Customer customer = builtin.add("Bolt", 1, null, "5552000");
        InboundCall keyed = new InboundCall("c1", "anonymous", "4000", "support",
                Instant.parse("2026-03-01T09:00:00Z"), 0, Map.of("crm.customerId", customer.id()));

        assertEquals(customer.id(), enrich(keyed).variables().get("crm.customerId"));
    }

    @Test
    public void aLookupPastItsBudgetCompletesAsUnknownWithoutWaitingForTheCrm() throws Exception {
        core.modified(settings("adapter", "builtin", "lookupBudgetMillis", "50"));
        builtin.add("Slow", 2, null, "5551000");
        builtin.holdLookups();

        CallEnrichment enrichment = enrich(call("c1", "5551000"));

        assertEquals(CallEnrichment.NONE, enrichment);
        assertEquals("the CRM was asked, and is still busy", 1, builtin.lookups.get());
    }

    @Test
    public void aLateAnswerIsCachedForTheCallersNextCall() throws Exception {
        core.modified(settings("adapter", "builtin", "lookupBudgetMillis", "50"));
        Customer slow = builtin.add("Slow", 2, null, "5551000");
        builtin.holdLookups();
        assertEquals(CallEnrichment.NONE, enrich(call("c1", "5551000")));

        builtin.releaseLookups();
        CallEnrichment next = CallEnrichment.NONE;
        for (int i = 0; i < 200 && next.equals(CallEnrichment.NONE); i++) {
            Thread.sleep(10);
            next = enrich(call("c2", "5551000"));
        }

        assertEquals(slow.id(), next.variables().get("crm.customerId"));
        assertEquals(1, builtin.lookups.get());
    }

    @Test
    public void aSecondCallFromTheSameNumberIsAnsweredFromTheCacheWithoutAskingTheCrm() throws Exception {
        builtin.add("Acme", 1, null, "5551000");

        CallEnrichment first = enrich(call("c1", "5551000"));
        CallEnrichment second = enrich(call("c2", "5551000"));

        assertEquals(first, second);
        assertEquals(1, builtin.lookups.get());
    }

    @Test
    public void withTheCacheOffEveryCallAsksTheCrm() throws Exception {
        core.modified(settings("adapter", "builtin", "cacheSeconds", "0"));
        builtin.add("Acme", 1, null, "5551000");

        enrich(call("c1", "5551000"));
        enrich(call("c2", "5551000"));

        assertEquals(2, builtin.lookups.get());
    }

    @Test
    public void switchingTheAdapterByNameTakesEffectForTheNextLookup() throws Exception {
        builtin.add("Known to builtin", 0, null, "5551000");
        rest.add("Known to rest", 4, null, "5551000");
        assertEquals("Known to builtin", enrich(call("c1", "5551000")).variables().get("crm.customerName"));

        core.modified(settings("adapter", "rest"));

        assertEquals("Known to rest", enrich(call("c2", "5551000")).variables().get("crm.customerName"));
        assertEquals("rest", core.adapterName());
        assertEquals(List.of("builtin", "rest"), core.adapterNames());
        assertTrue(core.adapter().orElseThrow() == rest);
    }

    @Test
    public void whenTheAdapterInUseIsGoneCallersAreUnknownAndReturnWhenItIsBack() throws Exception {
        builtin.add("Acme", 1, null, "5551000");
        core.modified(settings("adapter", "builtin", "cacheSeconds", "0"));
        core.unbindAdapter(builtin, Map.of(CrmAdapter.NAME_PROPERTY, "builtin"));

        assertEquals(CallEnrichment.NONE, enrich(call("c1", "5551000")));
        assertFalse(core.adapter().isPresent());
        assertFalse(core.lookup("5551000").isPresent());

        core.bindAdapter(builtin, Map.of(CrmAdapter.NAME_PROPERTY, "builtin"));
        assertEquals("Acme", enrich(call("c2", "5551000")).variables().get("crm.customerName"));
    }

    @Test
    public void aBadSettingIsRefusedAndThePreviousSettingsStay() throws Exception {
        core.modified(settings("adapter", "rest"));
        core.modified(settings("adapter", "builtin", "lookupBudgetMillis", "soon"));

        assertEquals("rest", core.adapterName());
    }

    @Test
    public void anEndedCallIsRecordedAsAnInteractionOfTheEnrichedCustomer() throws Exception {
        Customer customer = builtin.add("Acme", 1, null, "5551000");

        core.handleEvent(ended("c1", "5551000", Map.of("crm.customerId", customer.id(), "crm.notes", "invoice",
                "recording.id", "r-1")));

        Interaction interaction = builtin.recorded.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(new Interaction("c1", customer.id(), null, "5551000", "support", "1002", "answered",
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:05:00Z"), "invoice", "r-1"),
                interaction);
    }

    @Test
    public void anEndedCallWithoutEnrichmentIsRecordedForTheOwnerOfTheNumber() throws Exception {
        Customer customer = builtin.add("Acme", 1, null, "5551000");

        core.handleEvent(ended("c1", "5551000", Map.of()));

        assertEquals(customer.id(), builtin.recorded.poll(PATIENCE_SECONDS, TimeUnit.SECONDS).customerId());
    }

    @Test
    public void anUnknownCallerBecomesANewCustomerWithTheCallInTheirHistory() throws Exception {
        core.handleEvent(ended("c1", "5557777", Map.of()));

        Interaction interaction = builtin.recorded.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(interaction);
        Customer created = builtin.customers.get(interaction.customerId());
        assertEquals(List.of("5557777"), created.phones());
        assertEquals(created.id(), enrich(call("c2", "5557777")).variables().get("crm.customerId"));
    }

    @Test
    public void anUnknownCallerStaysUnknownWhenCreatingThemIsOff() throws Exception {
        core.modified(settings("adapter", "builtin", "createUnknownCallers", "false"));
        Customer known = builtin.add("Acme", 1, null, "5551000");

        core.handleEvent(ended("c1", "5557777", Map.of()));
        core.handleEvent(ended("c2", "5551000", Map.of()));

        Interaction recorded = builtin.recorded.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals("the calls are recorded in order, the unknown one not at all", "c2", recorded.callId());
        assertEquals(known.id(), recorded.customerId());
        assertEquals(1, builtin.customers.size());
    }

    @Test
    public void aFailedRecordingIsRetriedUntilItIsKept() throws Exception {
        Customer customer = builtin.add("Acme", 1, null, "5551000");
        builtin.recordingsToFail.set(2);

        core.handleEvent(ended("c1", "5551000", Map.of()));

        assertEquals(customer.id(), builtin.recorded.poll(PATIENCE_SECONDS, TimeUnit.SECONDS).customerId());
        assertEquals(3, builtin.recordingAttempts.get());
        awaitNoPendingInteractions();
        assertTrue(core.pendingInteractions().isEmpty());
    }

    @Test
    public void aRecordingIsGivenUpAfterItsAttemptsAndNoLongerPending() throws Exception {
        builtin.add("Acme", 1, null, "5551000");
        builtin.recordingsToFail.set(InteractionRecorder.ATTEMPTS);

        core.handleEvent(ended("c1", "5551000", Map.of()));
        awaitNoPendingInteractions();

        assertTrue(core.pendingInteractions().isEmpty());
        assertEquals(InteractionRecorder.ATTEMPTS, builtin.recordingAttempts.get());
        assertNull(builtin.recorded.poll());
    }
}
