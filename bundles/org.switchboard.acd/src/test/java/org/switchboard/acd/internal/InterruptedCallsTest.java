package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.MemoryRecords;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;

public class InterruptedCallsTest {
    private static final Instant ARRIVED = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant OFFERED = ARRIVED.plusSeconds(4);
    private static final Instant ANSWERED = ARRIVED.plusSeconds(9);

    private final MemoryRecords records = new MemoryRecords();
    private final InterruptedCalls interrupted = new InterruptedCalls(records);

    @Test
    public void answeredCallEndsInterruptedAtItsLastRecordedChangeKeepingItsAnswerTime() {
        answeredCall("c1");

        assertEquals(1, interrupted.closeAll());

        CallDetailRecord closed = records.find("c1").orElseThrow();
        assertEquals(CallState.ENDED, closed.state());
        assertEquals(Disposition.INTERRUPTED, closed.disposition());
        assertEquals(ANSWERED, closed.answeredAt());
        assertEquals(OFFERED, closed.offeredAt());
        assertEquals(ANSWERED, closed.endedAt());
        assertEquals("1001", closed.agentId());
    }

    @Test
    public void closingAppendsAStateChangeSayingWhatTheCallWasDoingWhenTheServerStopped() {
        answeredCall("c1");
        queuedCall("c2", ARRIVED.plusSeconds(30));

        interrupted.closeAll();

        assertEquals(new CallStateChange("c1", CallState.ENDED, ANSWERED,
                "interrupted: the server stopped while the call was answered"), last(records.history("c1")));
        assertEquals(new CallStateChange("c2", CallState.ENDED, ARRIVED.plusSeconds(30),
                "interrupted: the server stopped while the call was queued"), last(records.history("c2")));
    }

    @Test
    public void everyUnfinishedCallIsClosedAndEndedCallsAreLeftAlone() {
        answeredCall("c1");
        queuedCall("c2", ARRIVED.plusSeconds(1));
        CallDetailRecord offered = CallDetailRecord.arrived("c3", "5551234", "4000", "support", ARRIVED)
                .offered("1002", OFFERED);
        records.save(offered, new CallStateChange("c3", CallState.OFFERED, OFFERED, "offered to 1002"));
        CallDetailRecord ended = CallDetailRecord.arrived("c4", "5551234", "4000", "support", ARRIVED)
                .ended(Disposition.ABANDONED, OFFERED);
        records.save(ended, new CallStateChange("c4", CallState.ENDED, OFFERED, "abandoned"));

        assertEquals(3, interrupted.closeAll());

        assertTrue(records.unfinished().isEmpty());
        assertEquals(ended, records.find("c4").orElseThrow());
        assertEquals(OFFERED, records.find("c3").orElseThrow().endedAt());
        assertEquals(0, interrupted.closeAll());
    }

    @Test
    public void callThatCannotBeClosedIsLeftForTheNextStartAndTheOthersAreClosed() {
        MemoryRecords refusing = new MemoryRecords() {
            @Override
            public void save(CallDetailRecord record, CallStateChange change) {
                if (record.callId().equals("c1") && record.state() == CallState.ENDED) {
                    throw new IllegalStateException("disk full");
                }
                super.save(record, change);
            }
        };
        queuedCall(refusing, "c1", ARRIVED);
        queuedCall(refusing, "c2", ARRIVED.plusSeconds(1));

        assertEquals(1, new InterruptedCalls(refusing).closeAll());

        assertEquals(List.of("c1"), refusing.unfinished().stream().map(CallDetailRecord::callId).toList());
    }

    private void answeredCall(String callId) {
        CallDetailRecord queued = CallDetailRecord.arrived(callId, "5551234", "4000", "support", ARRIVED);
        records.save(queued, new CallStateChange(callId, CallState.QUEUED, ARRIVED, "queued"));
        CallDetailRecord offered = queued.offered("1001", OFFERED);
        records.save(offered, new CallStateChange(callId, CallState.OFFERED, OFFERED, "offered to 1001"));
        records.save(offered.answered("1001", ANSWERED),
                new CallStateChange(callId, CallState.ANSWERED, ANSWERED, "answered by 1001"));
    }

    private void queuedCall(String callId, Instant at) {
        queuedCall(records, callId, at);
    }

    private static void queuedCall(MemoryRecords into, String callId, Instant at) {
        into.save(CallDetailRecord.arrived(callId, "5551234", "4000", "support", at),
                new CallStateChange(callId, CallState.QUEUED, at, "queued"));
    }

    private static CallStateChange last(List<CallStateChange> history) {
        return history.get(history.size() - 1);
    }
}
