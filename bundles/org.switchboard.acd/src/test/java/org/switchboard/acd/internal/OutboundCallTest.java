package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.call.Disposition;

public class OutboundCallTest extends DistributionFixture {

    private ScriptedLeg dial(String agentId, String number) {
        ScriptedLeg leg = new ScriptedLeg();
        acd.outboundStarted(new InboundCall("o1", agentId, number, "outbound", clock.instant(), 0,
                Map.of("outbound.agent", agentId)), leg, agentId);
        return leg;
    }

    @Test
    public void agentWhoDialsIsRungFirstThenTalksAndTheCallIsRecordedAsOutbound() {
        readyAgents("1001");
        acd.pause("1001", "lunch");

        ScriptedLeg leg = dial("1001", "5551234");

        assertEquals("1001", leg.lastOffer().agentId());
        assertEquals(AgentState.RESERVED, agent("1001").state());
        acd.offerAnswered("o1", "1001");
        assertEquals(AgentState.ON_CALL, agent("1001").state());
        acd.callEnded("o1", "agent");

        assertEquals("outbound", record("o1").queue());
        assertEquals("5551234", record("o1").dnis());
        assertEquals(Disposition.ANSWERED, record("o1").disposition());
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
    }

    @Test
    public void agentOnACallCannotDialAndNothingIsRecorded() {
        readyAgents("1001");
        ScriptedLeg inbound = call("c1");
        assertEquals("1001", inbound.lastOffer().agentId());

        ScriptedLeg leg = dial("1001", "5551234");

        assertEquals(Integer.valueOf(486), leg.releasedWith);
        assertTrue(leg.offers.isEmpty());
        assertTrue(records.find("o1").isEmpty());
    }

    @Test
    public void agentsPhoneThatDoesNotAnswerEndsTheOutboundCallWithoutCountingAgainstTheAgent() {
        readyAgents("1001");
        dial("1001", "5551234");
        acd.offerFailed("o1", "1001", OfferOutcome.NO_ANSWER, "did not answer in time");
        dial2AndFail();

        assertEquals(Disposition.FAILED, record("o1").disposition());
        assertEquals("never paused for its own calls", AgentState.AVAILABLE, agent("1001").state());
        assertEquals(List.of(), acd.queues().stream().filter(q -> q.waiting() > 0).toList());
    }

    private void dial2AndFail() {
        ScriptedLeg again = new ScriptedLeg();
        acd.outboundStarted(new InboundCall("o2", "1001", "5551234", "outbound", clock.instant()), again, "1001");
        acd.offerFailed("o2", "1001", OfferOutcome.NO_ANSWER, "did not answer in time");
    }
}
