package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.WaitingCallView;

public class WaitingCallsTest extends DistributionFixture {

    @Test
    public void waitingCallsAreListedInTheOrderTheQueueServesThemWithWhatIsKnownAboutThem() {
        call("c1");
        call(new InboundCall("c2", "5559876", "4000", "support", clock.instant(), 2, Map.of("ivr.reason", "billing")));

        List<WaitingCallView> waiting = acd.waitingCalls("support");

        assertEquals(List.of("c2", "c1"), waiting.stream().map(WaitingCallView::callId).toList());
        WaitingCallView first = waiting.get(0);
        assertEquals("5559876", first.ani());
        assertEquals(1, first.position());
        assertEquals(2, first.priority());
        assertEquals("billing", first.variables().get("ivr.reason"));
        assertNull(first.previousAgent());
        assertEquals(2, waiting.get(1).position());
    }

    @Test
    public void aCallRingingAnAgentIsNotWaiting() {
        readyAgents("1001");
        call("c1");

        assertTrue(acd.waitingCalls("support").isEmpty());
    }

    @Test
    public void anUnknownQueueIsRefused() {
        assertThrows(AcdException.class, () -> acd.waitingCalls("nowhere"));
    }
}
