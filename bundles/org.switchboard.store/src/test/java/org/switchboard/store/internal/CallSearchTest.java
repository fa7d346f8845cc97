package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallQuery;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;

public class CallSearchTest {

    private static final Instant NINE = Instant.parse("2024-03-10T09:00:00Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyCallDetailRecordStore store;

    @Before
    public void storeFourCalls() {
        store = new DerbyCallDetailRecordStore(database.connections());
        answered("a", "+15550001", "support", "1001", NINE);
        answered("b", "+15550002", "sales", "1002", NINE.plusSeconds(3600));
        abandoned("c", "+1555_%3", "support", NINE.plusSeconds(7200));
        answered("d", "+15550001", "support", "1002", NINE.plusSeconds(10800));
    }

    @Test
    public void everyCriterionNarrowsTheResultAndTheMostRecentComeFirst() {
        assertEquals(List.of("d", "c", "b", "a"), ids(CallQuery.latest(10)));
        assertEquals(List.of("d", "c", "a"), ids(query(null, null, "support", null, null, null)));
        assertEquals(List.of("d", "b"), ids(query(null, null, null, "1002", null, null)));
        assertEquals(List.of("c"), ids(query(null, null, null, null, Disposition.ABANDONED, null)));
        assertEquals(List.of("d", "a"), ids(query(null, null, null, null, null, "0001")));
        assertEquals(List.of("c", "b"), ids(query(NINE.plusSeconds(3600), NINE.plusSeconds(10800), null, null, null,
                null)));
    }

    @Test
    public void wildcardsInTheNumberAreTakenLiterally() {
        assertEquals(List.of("c"), ids(query(null, null, null, null, null, "_%")));
    }

    @Test
    public void theLimitKeepsTheMostRecent() {
        assertEquals(List.of("d", "c"), ids(CallQuery.latest(2)));
    }

    @Test
    public void theDatabaseAnswersAsTheDefaultFilterWould() {
        CallQuery query = query(NINE, null, "support", null, Disposition.ANSWERED, "+1555");
        List<CallDetailRecord> filtered = store.recent(100).stream().filter(query::matches).toList();
        assertEquals(filtered, store.search(query));
    }

    private static CallQuery query(Instant from, Instant to, String queue, String agent, Disposition disposition,
            String number) {
        return new CallQuery(from, to, queue, agent, disposition, number, 100);
    }

    private List<String> ids(CallQuery query) {
        return store.search(query).stream().map(CallDetailRecord::callId).toList();
    }

    private void answered(String id, String ani, String queue, String agent, Instant at) {
        CallDetailRecord ended = CallDetailRecord.arrived(id, ani, "4000", queue, at).answered(agent, at.plusSeconds(5))
                .ended(Disposition.ANSWERED, at.plusSeconds(65));
        store.save(ended, new CallStateChange(id, CallState.ENDED, ended.endedAt(), "ended"));
    }

    private void abandoned(String id, String ani, String queue, Instant at) {
        CallDetailRecord ended = CallDetailRecord.arrived(id, ani, "4000", queue, at)
                .ended(Disposition.ABANDONED, at.plusSeconds(20));
        store.save(ended, new CallStateChange(id, CallState.ENDED, ended.endedAt(), "abandoned"));
    }
}
