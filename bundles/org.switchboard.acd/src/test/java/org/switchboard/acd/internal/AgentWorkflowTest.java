package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentState;

public class AgentWorkflowTest extends DistributionFixture {

    @Test
    public void agentWrapsUpAfterACallAndIsOfferedNothingUntilWrapUpIsOver() throws SettingsException {
        acd.defineQueue(support().withWrapUp(Duration.ofSeconds(30)));
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        acd.callEnded("c1", "caller");
        assertEquals(AgentState.WRAP_UP, agent("1001").state());

        ScriptedLeg waiting = call("c2");
        assertTrue(waiting.offers.isEmpty());

        timers.advance(Duration.ofSeconds(30));
        assertEquals("1001", waiting.lastOffer().agentId());
    }

    @Test
    public void readyEndsWrapUpEarly() throws SettingsException {
        acd.defineQueue(support().withWrapUp(Duration.ofSeconds(30)));
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        acd.callEnded("c1", "caller");

        clock.advance(Duration.ofSeconds(5));
        assertEquals(AgentState.AVAILABLE, acd.ready("1001").state());
        assertEquals(Duration.ofSeconds(5), agent("1001").kpis().wrapUp());
    }

    @Test
    public void pausedAgentKeepsItsReasonAndIsOfferedNothingUntilReady() {
        readyAgents("1001");
        assertEquals("lunch", acd.pause("1001", "lunch").pauseReason());
        ScriptedLeg waiting = call("c1");
        assertTrue(waiting.offers.isEmpty());
        assertTrue(agent("1001").availability().contains("lunch"));

        acd.ready("1001");
        assertEquals("1001", waiting.lastOffer().agentId());
    }

    @Test
    public void pauseWithAReasonThatIsNotConfiguredIsRefused() {
        readyAgents("1001");
        AcdException refused = assertThrows(AcdException.class, () -> acd.pause("1001", "nap"));
        assertTrue(refused.getMessage().contains("'nap' is not a pause reason"));
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
    }

    @Test
    public void pauseAskedDuringACallTakesEffectWhenTheCallEnds() {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        assertEquals(AgentState.ON_CALL, acd.pause("1001", "break").state());

        acd.callEnded("c1", "agent");

        assertEquals(AgentState.PAUSED, agent("1001").state());
        assertEquals("break", agent("1001").pauseReason());
    }

    @Test
    public void agentPausedForNotAnsweringIsReadyAgainWithACleanCount() {
        readyAgents("1001");
        call("c1");
        acd.offerFailed("c1", "1001", org.switchboard.api.acd.OfferOutcome.NO_ANSWER, "did not answer");
        acd.offerFailed("c1", "1001", org.switchboard.api.acd.OfferOutcome.NO_ANSWER, "did not answer");
        assertEquals("no-answer", agent("1001").pauseReason());

        acd.ready("1001");
        acd.offerFailed("c1", "1001", org.switchboard.api.acd.OfferOutcome.NO_ANSWER, "did not answer");
        assertEquals(AgentState.RESERVED, agent("1001").state());
    }

    @Test
    public void agentWithoutQueuesNamedLogsInToTheQueuesOfItsConfiguration() throws SettingsException {
        acd.defineQueue(QueueSettings.of("sales", List.of("5000"), Duration.ofSeconds(60), Duration.ofSeconds(15), 3));
        acd.defineAgent(AgentSettings.of("1001", "A", "1001", "secret1001")
                .withQueueTiers(java.util.Map.of("sales", 2)));
        assertEquals(List.of("sales"), acd.login("1001", List.of()).queues());
    }

    @Test
    public void occupancyIsHandlingTimeOverHandlingPlusAvailableIdle() {
        readyAgents("1001");
        clock.advance(Duration.ofSeconds(60));
        call("c1");
        acd.offerAnswered("c1", "1001");
        clock.advance(Duration.ofSeconds(180));
        acd.callEnded("c1", "caller");

        assertEquals(0.75, agent("1001").kpis().occupancy(), 0.0001);
        assertEquals(1, agent("1001").kpis().answered());
    }
}
