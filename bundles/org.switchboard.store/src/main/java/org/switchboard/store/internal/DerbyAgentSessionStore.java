package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.acd.AgentSessionStore;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.UtcTimestamps;

/** Keeps the sessions of logged-in agents in the Switchboard database, one row per agent. */
@Component(service = AgentSessionStore.class)
public class DerbyAgentSessionStore implements AgentSessionStore {

    private static final String UPDATE = "UPDATE agent_session SET queues = ?, paused_reason = ?, updated_at = ? "
            + "WHERE agent_id = ?";
    private static final String INSERT = "INSERT INTO agent_session (queues, paused_reason, updated_at, agent_id) "
            + "VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM agent_session WHERE agent_id = ?";
    private static final String ALL = "SELECT agent_id, queues, paused_reason, updated_at FROM agent_session "
            + "ORDER BY agent_id";

    private final ConnectionSource connections;

    @Activate
    public DerbyAgentSessionStore(@Reference(name = "connections") ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void save(AgentSession session) {
        for (String queue : session.queues()) {
            if (queue.contains(",")) {
                throw new IllegalArgumentException("a queue name cannot hold a comma: " + queue);
            }
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                if (write(connection, UPDATE, session) == 0) {
                    write(connection, INSERT, session);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot keep the session of agent " + session.agentId(), e);
        }
    }

    @Override
    public void remove(String agentId) {
        try (Connection connection = connections.open();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, agentId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot end the session of agent " + agentId, e);
        }
    }

    @Override
    public List<AgentSession> all() {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(ALL);
                ResultSet rows = statement.executeQuery()) {
            List<AgentSession> sessions = new ArrayList<>();
            while (rows.next()) {
                String queues = rows.getString("queues");
                sessions.add(new AgentSession(rows.getString("agent_id"),
                        queues.isEmpty() ? List.of() : Arrays.asList(queues.split(",")),
                        rows.getString("paused_reason"), UtcTimestamps.get(rows, "updated_at")));
            }
            return sessions;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the agents' sessions", e);
        }
    }

    /** Binds the session in the column order shared by {@link #UPDATE} and {@link #INSERT}. */
    private static int write(Connection connection, String sql, AgentSession session) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, String.join(",", session.queues()));
            statement.setString(2, session.pausedReason());
            UtcTimestamps.set(statement, 3, session.updatedAt());
            statement.setString(4, session.agentId());
            return statement.executeUpdate();
        }
    }
}
