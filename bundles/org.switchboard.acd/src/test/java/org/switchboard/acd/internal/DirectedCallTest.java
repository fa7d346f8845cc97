package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.InboundCall;

public class DirectedCallTest extends DistributionFixture {

    private ScriptedLeg transferredTo(String agentId) {
        return call(new InboundCall("t1", "5551234", "4000", "support", clock.instant(), 0,
                Map.of(WaitingCall.DIRECTED_TO, agentId, "transfer.agent", "1003")));
    }

    @Test
    public void callTransferredToAnAgentGoesToThatAgentEvenWhenAnotherHasWaitedLonger() {
        readyAgents("1001");
        clock.advance(Duration.ofMinutes(5));
        readyAgents("1002");

        ScriptedLeg leg = transferredTo("1002");

        assertEquals("1002", leg.lastOffer().agentId());
        assertTrue(records.history("t1").stream().anyMatch(c -> c.detail().contains("transferred to 1002 by 1003")));
    }

    @Test
    public void callTransferredToABusyAgentWaitsForThatAgentAndNobodyElseTakesItMeanwhile() {
        readyAgents("1001");
        ScriptedLeg leg = transferredTo("1002");
        assertEquals("not offered to 1001", List.of(), leg.offers);

        readyAgents("1002");

        assertEquals("1002", leg.lastOffer().agentId());
    }

    @Test
    public void afterTheMaximumWaitTheQueueServesACallTheAgentDidNotTake() {
        readyAgents("1001");
        ScriptedLeg leg = transferredTo("1002");

        timers.advance(Duration.ofSeconds(60));

        assertEquals("1001", leg.lastOffer().agentId());
    }
}
