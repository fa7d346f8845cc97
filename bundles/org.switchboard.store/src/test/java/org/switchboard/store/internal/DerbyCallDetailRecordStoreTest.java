package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.TimeZone;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.call.StoreException;

public class DerbyCallDetailRecordStoreTest {

    private static final Instant ARRIVED = Instant.parse("2024-03-10T06:59:58.123Z");
    private static final Instant OFFERED = Instant.parse("2024-03-10T07:00:03.456Z");
    private static final Instant ANSWERED = Instant.parse("2024-03-10T07:00:09.789Z");
    private static final Instant ENDED = Instant.parse("2024-03-10T07:04:41.001Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyCallDetailRecordStore store;

    @Before
    public void createStore() {
        store = new DerbyCallDetailRecordStore(database.connections());
    }

    @Test
    public void callIsReadBackFieldByFieldInEachStateItGoesThrough() {
        CallDetailRecord queued = CallDetailRecord.arrived("call-1", "+15551230001", "8000", "support", ARRIVED);
        store.save(queued, new CallStateChange("call-1", CallState.QUEUED, ARRIVED, "queued in support"));
        assertSameRecord(queued, store.find("call-1").orElseThrow());

        CallDetailRecord offered = queued.offered("1001", OFFERED);
        store.save(offered, new CallStateChange("call-1", CallState.OFFERED, OFFERED, "offered to 1001"));
        assertSameRecord(offered, store.find("call-1").orElseThrow());

        CallDetailRecord answered = offered.answered("1001", ANSWERED);
        store.save(answered, new CallStateChange("call-1", CallState.ANSWERED, ANSWERED, "answered by 1001"));
        assertSameRecord(answered, store.find("call-1").orElseThrow());

        CallDetailRecord ended = answered.ended(Disposition.ANSWERED, ENDED);
        store.save(ended, new CallStateChange("call-1", CallState.ENDED, ENDED, "caller hung up"));
        assertSameRecord(ended, store.find("call-1").orElseThrow());
    }

    @Test
    public void historyListsEveryStateChangeOldestFirst() {
        saveAnsweredAndEndedCall("call-1");

        assertEquals(List.of(
                new CallStateChange("call-1", CallState.QUEUED, ARRIVED, "queued in support"),
                new CallStateChange("call-1", CallState.OFFERED, OFFERED, "offered to 1001"),
                new CallStateChange("call-1", CallState.ANSWERED, ANSWERED, "answered by 1001"),
                new CallStateChange("call-1", CallState.ENDED, ENDED, "agent hung up")),
                store.history("call-1"));
    }

    @Test
    public void unknownCallIsNotFoundAndHasNoHistory() {
        assertFalse(store.find("nobody").isPresent());
        assertTrue(store.history("nobody").isEmpty());
    }

    @Test
    public void dispositionIsStoredAsItsLabel() throws Exception {
        CallDetailRecord unserved = CallDetailRecord.arrived("call-1", "100", "8000", "support", ARRIVED)
                .ended(Disposition.NO_AGENT, ENDED);
        store.save(unserved, new CallStateChange("call-1", CallState.ENDED, ENDED, "nobody logged in"));

        try (var connection = database.connections().open();
                var rows = connection.createStatement()
                        .executeQuery("SELECT disposition FROM call_detail_record WHERE call_id = 'call-1'")) {
            assertTrue(rows.next());
            assertEquals("no-agent", rows.getString(1));
        }
    }

    @Test
    public void recentListsNewestArrivalFirstAndHonoursTheLimit() {
        // saved out of arrival order, so that insertion order cannot pass for arrival order
        for (int minute : new int[] { 3, 1, 5, 2, 4 }) {
            String callId = "call-" + minute;
            Instant arrived = ARRIVED.plusSeconds(60L * minute);
            store.save(CallDetailRecord.arrived(callId, "100", "8000", "support", arrived),
                    new CallStateChange(callId, CallState.QUEUED, arrived, "queued"));
        }

        assertEquals(List.of("call-5", "call-4", "call-3"), callIds(store.recent(3)));
        assertEquals(List.of("call-5", "call-4", "call-3", "call-2", "call-1"), callIds(store.recent(10)));
        assertTrue(store.recent(0).isEmpty());
    }

    @Test
    public void failedStateChangeRollsBackTheRecordAndThrowsStoreException() throws Exception {
        CallDetailRecord queued = CallDetailRecord.arrived("call-1", "100", "8000", "support", ARRIVED);
        store.save(queued, new CallStateChange("call-1", CallState.QUEUED, ARRIVED, "queued in support"));
        database.refuseRowsWith("call_state_change", "detail", "refuse me");

        StoreException thrown = assertThrows(StoreException.class, () -> store.save(queued.offered("1001", OFFERED),
                new CallStateChange("call-1", CallState.OFFERED, OFFERED, "refuse me")));

        assertTrue(thrown.getMessage(), thrown.getMessage().contains("call-1"));
        assertSameRecord(queued, store.find("call-1").orElseThrow());
        assertEquals(1, store.history("call-1").size());
    }

    @Test
    public void failedFirstStateChangeLeavesNoRecordOfTheCall() throws Exception {
        CallDetailRecord queued = CallDetailRecord.arrived("call-1", "100", "8000", "support", ARRIVED);

        database.refuseRowsWith("call_state_change", "detail", "refuse me");

        assertThrows(StoreException.class, () -> store.save(queued,
                new CallStateChange("call-1", CallState.QUEUED, ARRIVED, "refuse me")));

        assertFalse(store.find("call-1").isPresent());
    }

    @Test
    public void detailLongerThanItsColumnIsKeptByItsBeginningAndTheRecordIsSaved() {
        CallDetailRecord queued = CallDetailRecord.arrived("call-1", "100", "8000", "support", ARRIVED);
        store.save(queued, new CallStateChange("call-1", CallState.QUEUED, ARRIVED, "x".repeat(5000)));

        String detail = store.history("call-1").get(0).detail();
        assertEquals(CallStateChange.DETAIL_LENGTH, detail.length());
        assertTrue(detail.endsWith("…"));
    }

    @Test
    public void instantsReadBackExactlyWhateverTheJvmTimeZone() {
        // 02:30 on this day does not exist in New York (clocks jump from 02:00 to 03:00)
        Instant inNewYorksSpringGap = Instant.parse("2024-03-10T07:30:00.999Z");
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            store.save(CallDetailRecord.arrived("call-1", "100", "8000", "support", inNewYorksSpringGap),
                    new CallStateChange("call-1", CallState.QUEUED, inNewYorksSpringGap, "queued"));

            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertEquals(inNewYorksSpringGap, store.find("call-1").orElseThrow().arrivedAt());
            assertEquals(inNewYorksSpringGap, store.history("call-1").get(0).at());
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    public void savedCallsAndHistorySurviveARestart() throws Exception {
        saveAnsweredAndEndedCall("call-1");
        CallDetailRecord before = store.find("call-1").orElseThrow();

        database.restart();
        store = new DerbyCallDetailRecordStore(database.connections());

        assertSameRecord(before, store.find("call-1").orElseThrow());
        assertEquals(4, store.history("call-1").size());
    }

    private void saveAnsweredAndEndedCall(String callId) {
        CallDetailRecord queued = CallDetailRecord.arrived(callId, "+15551230001", "8000", "support", ARRIVED);
        store.save(queued, new CallStateChange(callId, CallState.QUEUED, ARRIVED, "queued in support"));
        CallDetailRecord offered = queued.offered("1001", OFFERED);
        store.save(offered, new CallStateChange(callId, CallState.OFFERED, OFFERED, "offered to 1001"));
        CallDetailRecord answered = offered.answered("1001", ANSWERED);
        store.save(answered, new CallStateChange(callId, CallState.ANSWERED, ANSWERED, "answered by 1001"));
        store.save(answered.ended(Disposition.ANSWERED, ENDED),
                new CallStateChange(callId, CallState.ENDED, ENDED, "agent hung up"));
    }

    private static void assertSameRecord(CallDetailRecord expected, CallDetailRecord actual) {
        assertEquals("callId", expected.callId(), actual.callId());
        assertEquals("ani", expected.ani(), actual.ani());
        assertEquals("dnis", expected.dnis(), actual.dnis());
        assertEquals("queue", expected.queue(), actual.queue());
        assertEquals("agentId", expected.agentId(), actual.agentId());
        assertEquals("state", expected.state(), actual.state());
        assertEquals("disposition", expected.disposition(), actual.disposition());
        assertEquals("arrivedAt", expected.arrivedAt(), actual.arrivedAt());
        assertEquals("offeredAt", expected.offeredAt(), actual.offeredAt());
        assertEquals("answeredAt", expected.answeredAt(), actual.answeredAt());
        assertEquals("endedAt", expected.endedAt(), actual.endedAt());
    }

    private static List<String> callIds(List<CallDetailRecord> records) {
        return records.stream().map(CallDetailRecord::callId).toList();
    }
}
