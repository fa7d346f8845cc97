package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.acd.OfferOutcome;

/** Each agent's session is kept durable as it changes, so that a restart can give it back. */
public class AgentSessionTest extends DistributionFixture {

    @Test
    public void loginKeepsTheSessionWithTheQueuesAndNoPause() {
        readyAgents("1001");

        AgentSession kept = sessions.sessions.get("1001");
        assertEquals(List.of("support"), kept.queues());
        assertNull(kept.pausedReason());
        assertEquals(clock.instant(), kept.updatedAt());
    }

    @Test
    public void pauseAndReadyChangeTheKeptPauseReason() {
        readyAgents("1001");

        acd.pause("1001", "lunch");
        assertEquals("lunch", sessions.sessions.get("1001").pausedReason());

        acd.ready("1001");
        assertNull(sessions.sessions.get("1001").pausedReason());
    }

    @Test
    public void logoutEndsTheSession() {
        readyAgents("1001", "1002");

        acd.logout("1001");

        assertEquals(List.of("1002"), List.copyOf(sessions.sessions.keySet()));
    }

    @Test
    public void pauseAskedDuringACallIsKeptBecauseARestartEndsTheCall() {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");

        acd.pause("1001", "lunch");

        assertEquals("lunch", sessions.sessions.get("1001").pausedReason());
    }

    @Test
    public void logoutAskedDuringACallEndsTheSessionAtOnce() {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");

        acd.logout("1001");

        assertTrue(sessions.sessions.isEmpty());
    }

    @Test
    public void ringingAnsweringAndWrappingUpWriteNoSession() {
        readyAgents("1001");
        int afterLogin = sessions.writes;

        call("c1");
        acd.agentRinging("c1", "1001");
        acd.offerAnswered("c1", "1001");
        acd.callEnded("c1", "caller");

        assertEquals(afterLogin, sessions.writes);
    }

    @Test
    public void agentPausedForNotAnsweringKeepsThatPause() {
        readyAgents("1001");
        call("c1");
        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "did not answer");
        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "did not answer");

        assertEquals("no-answer", sessions.sessions.get("1001").pausedReason());
    }

    @Test
    public void withdrawnDefinitionKeepsTheSessionAndGivesItBackWhenDefinedAgain() {
        readyAgents("1001");
        acd.pause("1001", "break");

        acd.removeAgent("1001", false);
        assertTrue(acd.agent("1001").isEmpty());
        assertEquals("break", sessions.sessions.get("1001").pausedReason());

        acd.defineAgent(AgentSettings.of("1001", "Agent 1001", "1001", "secret1001"));
        assertEquals("break", agent("1001").pauseReason());
        assertEquals(List.of("support"), agent("1001").queues());
    }

    @Test
    public void deletedConfigurationEndsTheSession() {
        readyAgents("1001");

        acd.removeAgent("1001", true);

        assertTrue(sessions.sessions.isEmpty());
    }
}
