package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.CallEnricher;
import org.switchboard.api.acd.CallEnrichment;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallState;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.RoutingDecision;

public class CallEnrichmentTest extends DistributionFixture {

    /** An enricher that answers when the test says, for each call it was asked about. */
    static final class PromisingEnricher implements CallEnricher {
        final Map<String, CompletableFuture<CallEnrichment>> asked = new HashMap<>();

        @Override
        public CompletionStage<CallEnrichment> enrich(InboundCall call) {
            CompletableFuture<CallEnrichment> answer = new CompletableFuture<>();
            asked.put(call.callId(), answer);
            return answer;
        }

        void answer(String callId, CallEnrichment enrichment) {
            asked.get(callId).complete(enrichment);
        }
    }

    private final PromisingEnricher crm = new PromisingEnricher();
    private final List<CallSnapshot> seenByStrategy = new ArrayList<>();

    @Before
    public void strategyThatRemembersWhatItSaw() throws SettingsException {
        installInline("remembering", request -> {
            seenByStrategy.add(request.call());
            return RoutingDecision.choose(request.candidates().get(0).agentId(), "first candidate");
        });
        acd.defineQueue(support().withStrategy("remembering"));
    }

    @Test
    public void callIsRoutedOnceTheEnricherAnswersAndCarriesWhatItFound() {
        enrichers.add(crm);
        readyAgents("1001");
        ScriptedLeg leg = call(new InboundCall("c1", "5551234", "4000", "support", clock.instant(), 0,
                Map.of("ivr.language", "en")));

        assertTrue("queued, not routed yet", leg.offers.isEmpty());
        assertEquals(CallState.QUEUED, record("c1").state());

        crm.answer("c1", new CallEnrichment(Map.of("crm.customerId", "C-42", "crm.vip", "gold"), 0));
        assertTrue("the answer waits for the decision thread", leg.offers.isEmpty());
        decisionThread.runPending();

        assertEquals("1001", leg.lastOffer().agentId());
        Map<String, String> expected = Map.of("ivr.language", "en", "crm.customerId", "C-42", "crm.vip", "gold");
        assertEquals(expected, seenByStrategy.get(0).variables());
        assertEquals(Optional.of("C-42"), seenByStrategy.get(0).customerId());
        assertEquals(expected, records.variables("c1"));
    }

    @Test
    public void enricherLaterThanTheBudgetIsLeftOutAndTheCallRoutedWhenTheBudgetEnds() {
        acd.setEnrichmentBudget(Duration.ofMillis(300));
        enrichers.add(crm);
        readyAgents("1001");
        Instant arrived = clock.instant();
        ScriptedLeg leg = call("c1");

        timers.advance(Duration.ofMillis(299));
        assertTrue(leg.offers.isEmpty());
        timers.advance(Duration.ofMillis(1));

        assertEquals("routed the moment the budget ended", 1, leg.offers.size());
        assertEquals(arrived.plusMillis(300), record("c1").offeredAt());
        assertEquals(Optional.empty(), seenByStrategy.get(0).customerId());

        crm.answer("c1", new CallEnrichment(Map.of("crm.customerId", "C-42"), 7));
        decisionThread.runPending();

        assertEquals(1, leg.offers.size());
        assertEquals("the late answer is not stored", Map.of(), records.variables("c1"));
    }

    @Test
    public void enrichersThatThrowOrFailAreLeftOutWithoutWaitingForTheBudget() {
        enrichers.add(call -> {
            throw new IllegalStateException("bug in the CRM connector");
        });
        enrichers.add(call -> CompletableFuture.failedFuture(new IOException("CRM unreachable")));
        enrichers.add(crm);
        readyAgents("1001");
        ScriptedLeg leg = call("c1");

        crm.answer("c1", new CallEnrichment(Map.of("crm.customerId", "C-7"), 0));
        decisionThread.runPending();

        assertEquals(1, leg.offers.size());
        assertEquals(Optional.of("C-7"), seenByStrategy.get(0).customerId());
    }

    @Test
    public void priorityBoostServesTheBoostedCallBeforeAnEarlierOne() {
        enrichers.add(crm);
        ScriptedLeg first = call("c1");
        clock.advance(Duration.ofSeconds(1));
        ScriptedLeg second = call("c2");
        crm.answer("c1", CallEnrichment.NONE);
        crm.answer("c2", new CallEnrichment(Map.of("crm.vip", "gold"), 5));
        decisionThread.runPending();

        readyAgents("1001");

        assertEquals(1, second.offers.size());
        assertTrue(first.offers.isEmpty());
        assertEquals(5, seenByStrategy.get(0).priority());
    }

    @Test
    public void answerAboutACallThatHasEndedIsIgnored() {
        enrichers.add(crm);
        call("c1");
        acd.callerAbandoned("c1");

        crm.answer("c1", new CallEnrichment(Map.of("crm.customerId", "C-42"), 0));
        decisionThread.runPending();
        timers.advance(Duration.ofSeconds(1));

        assertEquals(Map.of(), records.variables("c1"));
        assertEquals(0, acd.callsInProgress());
    }

    @Test
    public void callsAreRoutedAtOnceWithoutEnrichers() {
        readyAgents("1001");
        ScriptedLeg leg = call(new InboundCall("c1", "5551234", "4000", "support", clock.instant(), 0,
                Map.of("ivr.menu", "2")));

        assertEquals(1, leg.offers.size());
        assertEquals(Map.of("ivr.menu", "2"), records.variables("c1"));
    }
}
