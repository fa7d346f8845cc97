package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;

public class CallbackTest extends DistributionFixture {

    @Test
    public void callbackKeepsItsPlaceBeyondTheMaximumWaitAndIsOfferedWhenAnAgentIsFree() {
        ScriptedLeg leg = call("c1");
        acd.callbackRequested("c1", "4930123");

        timers.advance(Duration.ofMinutes(10));

        assertNull("the maximum wait does not end a callback", leg.releasedWith);
        assertEquals(CallState.QUEUED, record("c1").state());
        assertEquals("4930123", records.variables("c1").get("callback.number"));
        readyAgents("1001");
        assertEquals("1001", leg.lastOffer().agentId());
    }

    @Test
    public void customerWhoDoesNotAnswerIsNotTheAgentsFaultAndIsCalledAgainAfterADelay() {
        ScriptedLeg leg = call("c1");
        acd.callbackRequested("c1", "4930123");
        readyAgents("1001");
        for (int attempt = 1; attempt < CallDistribution.CALLBACK_ATTEMPTS; attempt++) {
            assertEquals("attempt " + attempt, "c1", agent("1001").callId());
            int offers = leg.offers.size();
            acd.offerFailed("c1", "1001", OfferOutcome.CUSTOMER_UNREACHABLE, "the customer did not answer");

            assertEquals("free at once, and never paused for it (two no-answers would pause the agent)",
                    AgentState.AVAILABLE, agent("1001").state());
            timers.advance(CallDistribution.CALLBACK_RETRY_DELAY.minusSeconds(1));
            assertEquals("no new try before the delay", offers, leg.offers.size());
            timers.advance(Duration.ofSeconds(1));
            assertEquals("tried again after the delay", offers + 1, leg.offers.size());
        }
        assertNull(leg.releasedWith);
    }

    @Test
    public void callbackIsGivenUpAfterItsCustomerMissedItThreeTimes() {
        ScriptedLeg leg = call("c1");
        acd.callbackRequested("c1", "4930123");
        readyAgents("1001");
        for (int attempt = 1; attempt <= CallDistribution.CALLBACK_ATTEMPTS; attempt++) {
            assertEquals("attempt " + attempt, "c1", agent("1001").callId());
            acd.offerFailed("c1", "1001", OfferOutcome.CUSTOMER_UNREACHABLE, "not answered");
            timers.advance(CallDistribution.CALLBACK_RETRY_DELAY);
        }

        assertEquals(Integer.valueOf(480), leg.releasedWith);
        assertEquals(Disposition.FAILED, record("c1").disposition());
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
    }
}
