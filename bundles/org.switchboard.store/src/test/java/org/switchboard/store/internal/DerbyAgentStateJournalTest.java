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
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.call.StoreException;

public class DerbyAgentStateJournalTest {

    private static final Instant LOGIN = Instant.parse("2024-05-02T08:00:00.250Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyAgentStateJournal journal;

    @Before
    public void createJournal() {
        journal = new DerbyAgentStateJournal(database.connections());
    }

    @Test
    public void appendedChangesComeBackNewestFirst() {
        AgentStateChange login = new AgentStateChange("1001", AgentState.AVAILABLE, LOGIN, "login to support");
        AgentStateChange reserved = new AgentStateChange("1001", AgentState.RESERVED, LOGIN.plusMillis(1), "call-1");
        AgentStateChange ringing = new AgentStateChange("1001", AgentState.RINGING, LOGIN.plusSeconds(1), "call-1");
        journal.append(login);
        journal.append(reserved);
        journal.append(ringing);

        assertEquals(List.of(ringing, reserved, login), journal.history("1001", 10));
    }

    @Test
    public void historyHonoursTheLimitAndKeepsToTheAgent() {
        for (int i = 0; i < 5; i++) {
            journal.append(new AgentStateChange("1001", i % 2 == 0 ? AgentState.PAUSED : AgentState.AVAILABLE,
                    LOGIN.plusSeconds(i), "change " + i));
        }
        journal.append(new AgentStateChange("1002", AgentState.LOGGED_OUT, LOGIN.plusSeconds(9), "logout"));

        List<AgentStateChange> lastTwo = journal.history("1001", 2);

        assertEquals(List.of("change 4", "change 3"), lastTwo.stream().map(AgentStateChange::reason).toList());
        assertEquals(1, journal.history("1002", 10).size());
        assertTrue(journal.history("1001", 0).isEmpty());
        assertTrue(journal.history("nobody", 10).isEmpty());
    }

    @Test
    public void changesSurviveARestart() throws Exception {
        AgentStateChange wrapUp = new AgentStateChange("1001", AgentState.WRAP_UP, LOGIN, "after call-1");
        journal.append(wrapUp);

        database.restart();

        assertEquals(List.of(wrapUp), new DerbyAgentStateJournal(database.connections()).history("1001", 10));
    }

    @Test
    public void refusedChangeThrowsStoreException() throws Exception {
        database.refuseRowsWith("agent_state_change", "reason", "refuse me");

        assertThrows(StoreException.class,
                () -> journal.append(new AgentStateChange("1001", AgentState.PAUSED, LOGIN, "refuse me")));
        assertTrue(journal.history("1001", 10).isEmpty());
    }
}
