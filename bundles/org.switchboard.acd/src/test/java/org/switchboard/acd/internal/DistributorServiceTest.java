package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.MemoryDecisions;
import org.switchboard.acd.internal.RecordingFakes.MemoryJournal;
import org.switchboard.acd.internal.RecordingFakes.MemoryRecords;
import org.switchboard.acd.internal.RecordingFakes.MemorySessions;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistry;

/** The distributor service as the SIP edge and the IVR call it, from their own threads, without Event Admin. */
public class DistributorServiceTest {
    private final MemoryRecords records = new MemoryRecords();
    private Distributor distributor;

    @Before
    public void startDistributor() throws SettingsException {
        distributor = new Distributor(records, new MemoryJournal(), new MemoryDecisions(), new MemorySessions(),
                null, Map.of());
        distributor.defineQueue(DistributionFixture.support().withSurveyFlow("csat"));
        distributor.defineAgent(AgentSettings.of("1001", "Alice", "1001", "demo1001"));
    }

    @After
    public void stopDistributor() {
        distributor.deactivate();
    }

    @Test
    public void waitingCallsHaveTheirPlaceAtOnce() {
        distributor.enqueue(new InboundCall("c1", "5551234", "4000", "support", Instant.now()), new ScriptedLeg());
        distributor.enqueue(new InboundCall("c2", "5551234", "4000", "support", Instant.now()), new ScriptedLeg());

        assertEquals(2, distributor.queuePlace("c2").orElseThrow().position());
        assertTrue(distributor.queuePlace("unknown").isEmpty());
    }

    @Test
    public void surveyFlowIsKnownRightAfterTheEdgeReportedTheEnd() {
        PhoneRegistration phone = new PhoneRegistration("1001", "sip:1001@127.0.0.1:5091",
                Instant.parse("2100-01-01T00:00:00Z"));
        distributor.setRegistry(new PhoneRegistry() {
            @Override
            public Optional<PhoneRegistration> find(String user) {
                return user.equals("1001") ? Optional.of(phone) : Optional.empty();
            }

            @Override
            public List<PhoneRegistration> all() {
                return List.of(phone);
            }
        });
        distributor.login("1001", List.of("support"));
        ScriptedLeg leg = new ScriptedLeg();
        distributor.enqueue(new InboundCall("c1", "5551234", "4000", "support", Instant.now()), leg);
        distributor.agents(); // waits for the decision thread: the offer is made
        assertEquals("1001", leg.lastOffer().agentId());
        distributor.offerAnswered("c1", "1001");
        distributor.callEnded("c1", "caller");

        assertEquals(Optional.of("csat"), distributor.surveyFlow("c1"));
        assertEquals(Optional.empty(), distributor.surveyFlow("unknown"));
    }

    @Test
    public void configurationWithABadEnrichmentBudgetIsRejectedWholeAndThePreviousSettingsStay() {
        distributor.configure(Map.of("pauseReasons", "coffee", "enrichmentBudgetMillis", "60000"));

        assertEquals(List.of("break", "lunch", "training", "meeting"), distributor.pauseReasons());

        distributor.configure(Map.of("pauseReasons", "coffee", "enrichmentBudgetMillis", "500"));

        assertEquals(List.of("coffee"), distributor.pauseReasons());
    }

    @Test
    public void variablesAddedThroughTheServiceAreStored() {
        distributor.enqueue(new InboundCall("c1", "5551234", "4000", "support", Instant.now()), new ScriptedLeg());
        distributor.addVariables("c1", Map.of("ivr.language", "en"));
        distributor.agents(); // waits for the decision thread

        assertEquals(Map.of("ivr.language", "en"), records.variables("c1"));
    }
}
