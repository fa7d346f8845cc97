package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallQuery;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.UtcTimestamps;

/** Keeps call detail records and their state changes in the Switchboard database. */
@Component(service = CallDetailRecordStore.class)
public class DerbyCallDetailRecordStore implements CallDetailRecordStore {

    private static final String COLUMNS = "call_id, ani, dnis, queue_name, agent_id, state, disposition, "
            + "arrived_at, offered_at, answered_at, ended_at";

    private static final String UPDATE_RECORD = "UPDATE call_detail_record SET ani = ?, dnis = ?, queue_name = ?, "
            + "agent_id = ?, state = ?, disposition = ?, arrived_at = ?, offered_at = ?, answered_at = ?, "
            + "ended_at = ? WHERE call_id = ?";
    private static final String INSERT_RECORD = "INSERT INTO call_detail_record (ani, dnis, queue_name, agent_id, "
            + "state, disposition, arrived_at, offered_at, answered_at, ended_at, call_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHANGE = "INSERT INTO call_state_change (call_id, state, changed_at, detail) "
            + "VALUES (?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM call_detail_record WHERE call_id = ?";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM call_detail_record "
            + "ORDER BY arrived_at DESC, call_id DESC FETCH FIRST ? ROWS ONLY";
    private static final String UNFINISHED = "SELECT " + COLUMNS + " FROM call_detail_record "
            + "WHERE state <> 'ENDED' ORDER BY arrived_at, call_id";
    private static final String HISTORY = "SELECT call_id, state, changed_at, detail FROM call_state_change "
            + "WHERE call_id = ? ORDER BY changed_at, id";

    // VALUE is a reserved word in Derby: the column was created quoted, in upper case.
    private static final String UPDATE_VARIABLE = "UPDATE call_variable SET \"VALUE\" = ? WHERE call_id = ? AND name = ?";
    private static final String INSERT_VARIABLE = "INSERT INTO call_variable (\"VALUE\", call_id, name) "
            + "VALUES (?, ?, ?)";
    private static final String VARIABLES = "SELECT name, \"VALUE\" FROM call_variable WHERE call_id = ?";

    private final ConnectionSource connections;

    @Activate
    public DerbyCallDetailRecordStore(@Reference(name = "connections") ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void save(CallDetailRecord record, CallStateChange change) {
        if (!record.callId().equals(change.callId())) {
            throw new IllegalArgumentException("change of call " + change.callId() + " saved with the record of call "
                    + record.callId());
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                writeRecord(connection, record);
                appendChange(connection, change);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot save call " + record.callId() + " entering " + change.state()
                    + "; nothing of it was written", e);
        }
    }

    @Override
    public Optional<CallDetailRecord> find(String callId) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, callId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(record(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read call " + callId, e);
        }
    }

    @Override
    public List<CallDetailRecord> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of(); // Derby refuses FETCH FIRST 0 ROWS
        }
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(RECENT)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<CallDetailRecord> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(record(rows));
                }
                return records;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the " + limit + " most recent calls", e);
        }
    }

    @Override
    public List<CallDetailRecord> search(CallQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM call_detail_record WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND arrived_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND arrived_at < ?");
            parameters.add(query.to());
        }
        if (query.queue() != null) {
            sql.append(" AND queue_name = ?");
            parameters.add(query.queue());
        }
        if (query.agentId() != null) {
            sql.append(" AND agent_id = ?");
            parameters.add(query.agentId());
        }
        if (query.disposition() != null) {
            sql.append(" AND disposition = ?");
            parameters.add(query.disposition().label());
        }
        if (query.number() != null) {
            String pattern = "%" + escapeLike(query.number().toLowerCase(java.util.Locale.ROOT)) + "%";
            sql.append(" AND (LOWER(ani) LIKE ? ESCAPE '\\' OR LOWER(dnis) LIKE ? ESCAPE '\\')");
            parameters.add(pattern);
            parameters.add(pattern);
        }
        sql.append(" ORDER BY arrived_at DESC, call_id DESC FETCH FIRST ? ROWS ONLY");
        parameters.add(query.limit());
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof java.time.Instant instant) {
                    UtcTimestamps.set(statement, i + 1, instant);
                } else if (parameter instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, parameter.toString());
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<CallDetailRecord> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(record(rows));
                }
                return records;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot search calls " + query, e);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public List<CallDetailRecord> unfinished() {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(UNFINISHED);
                ResultSet rows = statement.executeQuery()) {
            List<CallDetailRecord> records = new ArrayList<>();
            while (rows.next()) {
                records.add(record(rows));
            }
            return records;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the calls that have not ended", e);
        }
    }

    @Override
    public List<CallStateChange> history(String callId) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(HISTORY)) {
            statement.setString(1, callId);
            try (ResultSet rows = statement.executeQuery()) {
                List<CallStateChange> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(new CallStateChange(rows.getString("call_id"),
                            CallState.valueOf(rows.getString("state")), UtcTimestamps.get(rows, "changed_at"),
                            rows.getString("detail")));
                }
                return changes;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the history of call " + callId, e);
        }
    }

    @Override
    public void saveVariables(String callId, Map<String, String> variables) {
        variables.forEach(DerbyCallDetailRecordStore::checkVariable);
        if (variables.isEmpty()) {
            return;
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(UPDATE_VARIABLE);
                    PreparedStatement insert = connection.prepareStatement(INSERT_VARIABLE)) {
                for (Map.Entry<String, String> variable : variables.entrySet()) {
                    if (bindVariable(update, callId, variable).executeUpdate() == 0) {
                        bindVariable(insert, callId, variable).executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot save the variables " + variables.keySet() + " of call " + callId
                    + "; none of them was written", e);
        }
    }

    @Override
    public Map<String, String> variables(String callId) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(VARIABLES)) {
            statement.setString(1, callId);
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, String> variables = new TreeMap<>();
                while (rows.next()) {
                    variables.put(rows.getString(1), rows.getString(2));
                }
                return Collections.unmodifiableMap(variables);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the variables of call " + callId, e);
        }
    }

    private static void checkVariable(String name, String value) {
        if (name == null || name.isBlank() || name.length() > VARIABLE_NAME_LENGTH) {
            throw new IllegalArgumentException("a call variable's name must have 1 to " + VARIABLE_NAME_LENGTH
                    + " characters: '" + name + "'");
        }
        if (value == null) {
            throw new IllegalArgumentException("call variable " + name + " has no value");
        }
    }

    /** Binds value, call id and name, the order {@link #UPDATE_VARIABLE} and {@link #INSERT_VARIABLE} share. */
    private static PreparedStatement bindVariable(PreparedStatement statement, String callId,
            Map.Entry<String, String> variable) throws SQLException {
        String value = variable.getValue();
        statement.setString(1, value.length() <= VARIABLE_VALUE_LENGTH ? value
                : value.substring(0, VARIABLE_VALUE_LENGTH - 1) + "…");
        statement.setString(2, callId);
        statement.setString(3, variable.getKey());
        return statement;
    }

    private static void writeRecord(Connection connection, CallDetailRecord record) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_RECORD)) {
            bindRecord(update, record);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD)) {
            bindRecord(insert, record);
            insert.executeUpdate();
        }
    }

    /** Binds the record in the column order shared by {@link #UPDATE_RECORD} and {@link #INSERT_RECORD}. */
    private static void bindRecord(PreparedStatement statement, CallDetailRecord record) throws SQLException {
        statement.setString(1, record.ani());
        statement.setString(2, record.dnis());
        statement.setString(3, record.queue());
        statement.setString(4, record.agentId());
        statement.setString(5, record.state().name());
        statement.setString(6, record.disposition() == null ? null : record.disposition().label());
        UtcTimestamps.set(statement, 7, record.arrivedAt());
        UtcTimestamps.set(statement, 8, record.offeredAt());
        UtcTimestamps.set(statement, 9, record.answeredAt());
        UtcTimestamps.set(statement, 10, record.endedAt());
        statement.setString(11, record.callId());
    }

    private static void appendChange(Connection connection, CallStateChange change) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANGE)) {
            insert.setString(1, change.callId());
            insert.setString(2, change.state().name());
            UtcTimestamps.set(insert, 3, change.at());
            insert.setString(4, change.detail());
            insert.executeUpdate();
        }
    }

    private static CallDetailRecord record(ResultSet row) throws SQLException {
        String disposition = row.getString("disposition");
        return new CallDetailRecord(row.getString("call_id"), row.getString("ani"), row.getString("dnis"),
                row.getString("queue_name"), row.getString("agent_id"), CallState.valueOf(row.getString("state")),
                disposition == null ? null : Disposition.fromLabel(disposition),
                UtcTimestamps.get(row, "arrived_at"), UtcTimestamps.get(row, "offered_at"),
                UtcTimestamps.get(row, "answered_at"), UtcTimestamps.get(row, "ended_at"));
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
