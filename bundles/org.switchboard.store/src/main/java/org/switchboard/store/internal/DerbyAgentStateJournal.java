package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.UtcTimestamps;

/** Keeps agents' state changes in the Switchboard database. */
@Component(service = AgentStateJournal.class)
public class DerbyAgentStateJournal implements AgentStateJournal {

    private static final String APPEND = "INSERT INTO agent_state_change (agent_id, state, changed_at, reason) "
            + "VALUES (?, ?, ?, ?)";
    private static final String HISTORY = "SELECT agent_id, state, changed_at, reason FROM agent_state_change "
            + "WHERE agent_id = ? ORDER BY changed_at DESC, id DESC FETCH FIRST ? ROWS ONLY";

    private final ConnectionSource connections;

    @Activate
    public DerbyAgentStateJournal(@Reference(name = "connections") ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void append(AgentStateChange change) {
        try (Connection connection = connections.open();
                PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setString(1, change.agentId());
            insert.setString(2, change.state().name());
            UtcTimestamps.set(insert, 3, change.at());
            insert.setString(4, change.reason());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record agent " + change.agentId() + " entering " + change.state(), e);
        }
    }

    @Override
    public List<AgentStateChange> history(String agentId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of(); // Derby refuses FETCH FIRST 0 ROWS
        }
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(HISTORY)) {
            statement.setString(1, agentId);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<AgentStateChange> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(new AgentStateChange(rows.getString("agent_id"),
                            AgentState.valueOf(rows.getString("state")), UtcTimestamps.get(rows, "changed_at"),
                            rows.getString("reason")));
                }
                return changes;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the history of agent " + agentId, e);
        }
    }
}
