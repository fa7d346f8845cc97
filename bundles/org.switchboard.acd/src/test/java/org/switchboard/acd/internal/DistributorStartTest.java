package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.MemoryDecisions;
import org.switchboard.acd.internal.RecordingFakes.MemoryJournal;
import org.switchboard.acd.internal.RecordingFakes.MemoryRecords;
import org.switchboard.acd.internal.RecordingFakes.MemorySessions;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;

/** What the distributor service does when it starts on the stores a crashed server left behind. */
public class DistributorStartTest {
    private static final Instant ARRIVED = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant ANSWERED = ARRIVED.plusSeconds(7);

    private final MemoryRecords records = new MemoryRecords();
    private final MemorySessions sessions = new MemorySessions();
    private Distributor distributor;

    @After
    public void stopDistributor() {
        if (distributor != null) {
            distributor.deactivate();
        }
    }

    @Test
    public void callsLeftInProgressAreClosedAsInterruptedAndAgentsComeBackAsTheyWere() throws Exception {
        CallDetailRecord queued = CallDetailRecord.arrived("c1", "5551234", "4000", "support", ARRIVED);
        records.save(queued, new CallStateChange("c1", CallState.QUEUED, ARRIVED, "queued"));
        records.save(queued.answered("1001", ANSWERED),
                new CallStateChange("c1", CallState.ANSWERED, ANSWERED, "answered by 1001"));
        sessions.save(new AgentSession("1001", List.of("support"), null, ANSWERED));
        sessions.save(new AgentSession("1002", List.of("support"), "lunch", ANSWERED));

        distributor = new Distributor(records, new MemoryJournal(), new MemoryDecisions(), sessions, null, Map.of());
        distributor.defineQueue(DistributionFixture.support());
        distributor.defineAgent(AgentSettings.of("1001", "Alice", "1001", "demo1001"));
        distributor.defineAgent(AgentSettings.of("1002", "Bo", "1002", "demo1002"));

        AgentStatus first = distributor.agent("1001").orElseThrow();
        assertEquals(AgentState.AVAILABLE, first.state());
        assertEquals(List.of("support"), first.queues());
        AgentStatus second = distributor.agent("1002").orElseThrow();
        assertEquals(AgentState.PAUSED, second.state());
        assertEquals("lunch", second.pauseReason());

        CallDetailRecord closed = records.find("c1").orElseThrow();
        assertEquals(Disposition.INTERRUPTED, closed.disposition());
        assertEquals(ANSWERED, closed.answeredAt());
        assertEquals(ANSWERED, closed.endedAt());
    }
}
