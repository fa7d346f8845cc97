package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.call.StoreException;

public class CallVariablesTest {

    private static final Instant ARRIVED = Instant.parse("2024-03-10T06:59:58.123Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyCallDetailRecordStore store;

    @Before
    public void createStoreWithOneCall() {
        store = new DerbyCallDetailRecordStore(database.connections());
        store.save(CallDetailRecord.arrived("call-1", "100", "8000", "support", ARRIVED),
                new CallStateChange("call-1", CallState.QUEUED, ARRIVED, "queued"));
    }

    @Test
    public void variablesAreAddedAndThoseOfTheSameNameReplaced() {
        store.saveVariables("call-1", Map.of("ivr.language", "en", "ivr.menu", "2"));
        store.saveVariables("call-1", Map.of("ivr.menu", "3", "crm.customerId", "C-42"));

        assertEquals(Map.of("ivr.language", "en", "ivr.menu", "3", "crm.customerId", "C-42"),
                store.variables("call-1"));
    }

    @Test
    public void variablesOfAnEndedCallAreStoredToo() {
        CallDetailRecord ended = CallDetailRecord.arrived("call-1", "100", "8000", "support", ARRIVED)
                .ended(Disposition.ABANDONED, ARRIVED.plusSeconds(5));
        store.save(ended, new CallStateChange("call-1", CallState.ENDED, ended.endedAt(), "abandoned"));

        store.saveVariables("call-1", Map.of("survey.score", "5"));

        assertEquals(Map.of("survey.score", "5"), store.variables("call-1"));
    }

    @Test
    public void longValueIsKeptByItsBeginning() {
        store.saveVariables("call-1", Map.of("note", "x".repeat(5000)));

        String value = store.variables("call-1").get("note");
        assertEquals(CallDetailRecordStore.VARIABLE_VALUE_LENGTH, value.length());
        assertTrue(value.endsWith("…"));
    }

    @Test
    public void variablesOfACallWithoutARecordAreRefusedAndNothingIsWritten() {
        assertThrows(StoreException.class, () -> store.saveVariables("nobody", Map.of("a", "1")));

        assertEquals(Map.of(), store.variables("nobody"));
    }

    @Test
    public void oneBadNameRefusesTheWholeSet() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("fine", "1");
        variables.put("n".repeat(CallDetailRecordStore.VARIABLE_NAME_LENGTH + 1), "2");

        assertThrows(IllegalArgumentException.class, () -> store.saveVariables("call-1", variables));

        assertEquals(Map.of(), store.variables("call-1"));
    }

    @Test
    public void failedWriteRollsBackEveryVariableOfTheSet() throws Exception {
        database.refuseRowsWith("call_variable", "name", "refused");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("first", "1");
        variables.put("refused", "2");

        assertThrows(StoreException.class, () -> store.saveVariables("call-1", variables));

        assertEquals(Map.of(), store.variables("call-1"));
    }

    @Test
    public void variablesSurviveARestart() throws Exception {
        store.saveVariables("call-1", Map.of("ivr.language", "de"));

        database.restart();
        store = new DerbyCallDetailRecordStore(database.connections());

        assertEquals(Map.of("ivr.language", "de"), store.variables("call-1"));
    }

    @Test
    public void recoveryReadsUnfinishedCallsThroughAnIndexOnTheState() throws Exception {
        try (Connection connection = database.connections().open();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM "
                        + "SYS.SYSCONGLOMERATES c JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID "
                        + "WHERE c.CONGLOMERATENAME = 'IX_CDR_STATE' AND t.TABLENAME = 'CALL_DETAIL_RECORD'");
                ResultSet row = statement.executeQuery()) {
            assertTrue(row.next());
            assertEquals(1, row.getInt(1));
        }
    }
}
