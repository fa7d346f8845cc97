package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.acd.InboundCall;

/**
 * After a restart (a new distribution on the same stores), agents come back as their kept sessions say, as their
 * definitions arrive from the configuration after the start.
 */
public class AgentSessionRestoreTest extends DistributionFixture {

    private CallDistribution restarted;

    @Test
    public void agentsAreLoggedInAgainAsTheirSessionsSayWhenTheirDefinitionsArrive() throws SettingsException {
        readyAgents("1001", "1002");
        acd.pause("1002", "lunch");

        restart();
        assertEquals(2, restarted.loadSessions());
        defineFloor();

        assertEquals(AgentState.AVAILABLE, restarted.agent("1001").orElseThrow().state());
        assertEquals(List.of("support"), restarted.agent("1001").orElseThrow().queues());
        assertEquals(AgentState.PAUSED, restarted.agent("1002").orElseThrow().state());
        assertEquals("lunch", restarted.agent("1002").orElseThrow().pauseReason());
        assertEquals(AgentState.LOGGED_OUT, restarted.agent("1003").orElseThrow().state());
    }

    @Test
    public void agentOnACallBeforeTheRestartIsAvailableAfterItWithoutTheCall() throws SettingsException {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");

        restart();
        restarted.loadSessions();
        defineFloor();

        assertEquals(AgentState.AVAILABLE, restarted.agent("1001").orElseThrow().state());
        assertNull(restarted.agent("1001").orElseThrow().callId());
    }

    @Test
    public void agentDefinedBeforeItsQueueServesTheQueueOnceItIsDefined() throws SettingsException {
        readyAgents("1001");

        restart();
        restarted.loadSessions();
        restarted.defineAgent(AgentSettings.of("1001", "Agent 1001", "1001", "secret1001"));
        restarted.defineQueue(support());
        ScriptedLeg leg = new ScriptedLeg();
        restarted.enqueue(new InboundCall("c2", "5551234", "4000", "support", clock.instant()), leg);

        assertEquals("1001", leg.lastOffer().agentId());
    }

    @Test
    public void restoreIsJournaledAndWritesNoSessionAgain() throws SettingsException {
        readyAgents("1001");
        acd.pause("1001", "training");
        int writesBefore = sessions.writes;

        restart();
        restarted.loadSessions();
        defineFloor();

        AgentStateChange restored = journal.changes.get(journal.changes.size() - 1);
        assertEquals("1001", restored.agentId());
        assertEquals(AgentState.PAUSED, restored.state());
        assertEquals("session restored after a restart: paused: training, in support", restored.reason());
        assertEquals(writesBefore, sessions.writes);
    }

    @Test
    public void sessionIsGivenBackOnlyOnceSoARedefinedAgentKeepsWhatItDidSince() throws SettingsException {
        readyAgents("1001");

        restart();
        restarted.loadSessions();
        defineFloor();
        restarted.logout("1001");
        restarted.defineAgent(AgentSettings.of("1001", "Alice", "1001", "secret1001"));

        assertEquals(AgentState.LOGGED_OUT, restarted.agent("1001").orElseThrow().state());
        assertTrue(sessions.sessions.isEmpty());
    }

    /** A new distribution on the same stores and phones, as after a restart of the server. */
    private void restart() {
        clock.advance(Duration.ofMinutes(3));
        restarted = new CallDistribution(clock, new CallDistribution.Records(records, journal, decisions, sessions),
                phones, timers, new AgentChooser(name -> Optional.empty(), strategyThreads));
    }

    private void defineFloor() throws SettingsException {
        restarted.defineQueue(support());
        for (String id : List.of("1001", "1002", "1003")) {
            restarted.defineAgent(AgentSettings.of(id, "Agent " + id, id, "secret" + id));
        }
    }
}
