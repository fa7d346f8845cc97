package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.call.StoreException;

public class DerbyAgentSessionStoreTest {

    private static final Instant LOGIN = Instant.parse("2024-05-02T08:00:00.250Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyAgentSessionStore sessions;

    @Before
    public void createStore() {
        sessions = new DerbyAgentSessionStore(database.connections());
    }

    @Test
    public void savedSessionsComeBackByAgentWithQueuesInLoginOrderAndPauseReason() {
        AgentSession paused = new AgentSession("1002", List.of("support"), "lunch", LOGIN.plusSeconds(60));
        AgentSession available = new AgentSession("1001", List.of("sales", "support"), null, LOGIN);
        sessions.save(paused);
        sessions.save(available);

        assertEquals(List.of(available, paused), sessions.all());
    }

    @Test
    public void savingAgainReplacesTheAgentsSession() {
        sessions.save(new AgentSession("1001", List.of("support"), null, LOGIN));
        AgentSession pausedLater = new AgentSession("1001", List.of("support", "sales"), "break", LOGIN.plusSeconds(9));

        sessions.save(pausedLater);

        assertEquals(List.of(pausedLater), sessions.all());
    }

    @Test
    public void removedSessionIsGoneAndRemovingNoSessionIsHarmless() {
        sessions.save(new AgentSession("1001", List.of("support"), null, LOGIN));
        sessions.save(new AgentSession("1002", List.of("support"), null, LOGIN));

        sessions.remove("1001");
        sessions.remove("nobody");

        assertEquals(List.of("1002"), sessions.all().stream().map(AgentSession::agentId).toList());
    }

    @Test
    public void sessionWithoutQueuesIsKeptAsSuch() {
        AgentSession noQueues = new AgentSession("1001", List.of(), null, LOGIN);
        sessions.save(noQueues);

        assertEquals(List.of(noQueues), sessions.all());
    }

    @Test
    public void sessionsSurviveARestartOfTheDatabase() throws Exception {
        AgentSession paused = new AgentSession("1002", List.of("support"), "lunch", LOGIN);
        sessions.save(paused);

        database.restart();

        assertEquals(List.of(paused), new DerbyAgentSessionStore(database.connections()).all());
    }

    @Test
    public void refusedSessionThrowsStoreExceptionAndKeepsThePreviousOne() throws Exception {
        AgentSession before = new AgentSession("1001", List.of("support"), null, LOGIN);
        sessions.save(before);
        database.refuseRowsWith("agent_session", "paused_reason", "refuse me");

        assertThrows(StoreException.class,
                () -> sessions.save(new AgentSession("1001", List.of("support"), "refuse me", LOGIN.plusSeconds(1))));
        assertEquals(List.of(before), sessions.all());
    }

    @Test
    public void queueNameWithACommaIsRefusedBeforeAnythingIsWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> sessions.save(new AgentSession("1001", List.of("a,b"), null, LOGIN)));
        assertTrue(sessions.all().isEmpty());
    }
}
