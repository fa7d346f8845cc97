package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

public class SwitchboardDatabaseTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    @Test
    public void firstBootCreatesTheDatabaseOnDiskWithTheSchema() throws Exception {
        assertTrue(database.directory().resolve("service.properties").toFile().isFile());
        assertEquals(List.of("1-call-detail-record", "2-call-state-change", "3-agent-state-change",
                "4-routing-decision", "5-agent-session", "6-audit-entry", "7-call-variable"),
                appliedChangeSets());
    }

    @Test
    public void secondBootOnTheSameDirectoryKeepsTheDataAndAppliesNoMigrationTwice() throws Exception {
        execute("INSERT INTO agent_state_change (agent_id, state, changed_at, reason) "
                + "VALUES ('1001', 'AVAILABLE', CURRENT_TIMESTAMP, 'login')");

        database.restart();

        assertEquals(List.of("1"), column("SELECT COUNT(*) FROM agent_state_change"));
        assertEquals(List.of("1-call-detail-record", "2-call-state-change", "3-agent-state-change",
                "4-routing-decision", "5-agent-session", "6-audit-entry", "7-call-variable"),
                appliedChangeSets());
    }

    @Test
    public void migrationLockLeftByACrashDoesNotBlockTheNextBoot() throws Exception {
        execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
                + "LOCKEDBY = 'a process that died'");

        database.restart();

        assertEquals(List.of("false"), column("SELECT LOCKED FROM DATABASECHANGELOGLOCK"));
    }

    @Test
    public void servesItsConnectionsAsADataSourceToo() throws Exception {
        DataSource dataSource = database.component();
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(connection.getMetaData().getURL().contains(database.directory().toString()));
        }
    }

    @Test
    public void handsOutNoConnectionOnceShutDown() throws Exception {
        SwitchboardDatabase stopped = database.component();

        database.stop();

        assertThrows(SQLException.class, stopped::open);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connections().open();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private List<String> appliedChangeSets() throws SQLException {
        return column("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
    }

    private List<String> column(String query) throws SQLException {
        try (Connection connection = database.connections().open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
