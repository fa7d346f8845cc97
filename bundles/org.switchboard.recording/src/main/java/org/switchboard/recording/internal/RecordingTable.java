package org.switchboard.recording.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.api.store.UtcTimestamps;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingState;

/** The rows of rec_recording and rec_pause. */
final class RecordingTable {
    private static final String COLUMNS = "id, call_id, queue, agent_id, customer, started_at, duration_ms, "
            + "location, size_bytes, sha256, state, problem, deleted_at";

    private RecordingTable() {
    }

    /** @return the new recording's id */
    static long insert(Connection connection, NewRecording recording, String location) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rec_recording (call_id, queue, "
                + "agent_id, customer, started_at, location, state) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, clip(recording.callId(), 128));
            insert.setString(2, clip(recording.queue(), 128));
            insert.setString(3, clip(recording.agentId(), 128));
            insert.setString(4, clip(recording.customer(), 128));
            UtcTimestamps.set(insert, 5, recording.startedAt());
            insert.setString(6, location);
            insert.setString(7, RecordingState.RECORDING.name());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The queue, agent and customer of a recording that started before the agent answered. */
    static void describe(Connection connection, long id, String queue, String agentId, String customer)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rec_recording SET queue = ?, agent_id = ?, customer = ? WHERE id = ?")) {
            update.setString(1, clip(queue == null ? "" : queue, 128));
            update.setString(2, clip(agentId == null ? "" : agentId, 128));
            update.setString(3, clip(customer == null ? "" : customer, 128));
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /** Records how a recording ended: its size, duration, hash, state and pauses. */
    static void finish(Connection connection, long id, long durationMillis, long sizeBytes, String sha256,
            RecordingState state, String problem, List<PausedInterval> pauses) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE rec_recording SET duration_ms = ?, "
                + "size_bytes = ?, sha256 = ?, state = ?, problem = ? WHERE id = ?")) {
            update.setLong(1, durationMillis);
            update.setLong(2, sizeBytes);
            update.setString(3, sha256);
            update.setString(4, state.name());
            update.setString(5, problem == null || problem.isEmpty() ? null : clip(problem, 500));
            update.setLong(6, id);
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rec_pause (recording_id, position, from_ms, to_ms, paused_by) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (PausedInterval pause : pauses) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setLong(3, pause.fromMillis());
                insert.setLong(4, pause.toMillis());
                insert.setString(5, clip(pause.by(), 200));
                insert.addBatch();
            }
            if (position > 0) {
                insert.executeBatch();
            }
        }
    }

    static void markDeleted(Connection connection, long id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rec_recording SET state = ?, sha256 = NULL, deleted_at = ? WHERE id = ?")) {
            update.setString(1, RecordingState.DELETED.name());
            UtcTimestamps.set(update, 2, at);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    static List<Recording> inState(Connection connection, RecordingState state) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM rec_recording WHERE state = ? ORDER BY id")) {
            select.setString(1, state.name());
            return read(connection, select);
        }
    }

    static Optional<Recording> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM rec_recording WHERE id = ?")) {
            select.setLong(1, id);
            return read(connection, select).stream().findFirst();
        }
    }

    static List<Recording> find(Connection connection, RecordingQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM rec_recording WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (query.queue() != null) {
            sql.append(" AND queue = ?");
            values.add(query.queue());
        }
        if (query.agentId() != null) {
            sql.append(" AND agent_id = ?");
            values.add(query.agentId());
        }
        if (query.since() != null) {
            sql.append(" AND started_at >= ?");
            values.add(query.since());
        }
        if (query.before() != null) {
            sql.append(" AND started_at < ?");
            values.add(query.before());
        }
        sql.append(" ORDER BY started_at DESC, id DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Instant instant) {
                    UtcTimestamps.set(select, i + 1, instant);
                } else {
                    select.setString(i + 1, (String) values.get(i));
                }
            }
            return read(connection, select);
        }
    }

    private static List<Recording> read(Connection connection, PreparedStatement select) throws SQLException {
        List<Recording> recordings = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long id = row.getLong("id");
                recordings.add(new Recording(id, row.getString("call_id"), row.getString("queue"),
                        row.getString("agent_id"), row.getString("customer"), UtcTimestamps.get(row, "started_at"),
                        Duration.ofMillis(row.getLong("duration_ms")), row.getString("location"),
                        row.getLong("size_bytes"), row.getString("sha256"),
                        RecordingState.valueOf(row.getString("state")), row.getString("problem"),
                        pauses(connection, id), UtcTimestamps.get(row, "deleted_at")));
            }
        }
        return recordings;
    }

    private static List<PausedInterval> pauses(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT from_ms, to_ms, paused_by FROM rec_pause WHERE recording_id = ? ORDER BY position")) {
            select.setLong(1, id);
            List<PausedInterval> pauses = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    pauses.add(new PausedInterval(row.getLong(1), row.getLong(2), row.getString(3)));
                }
            }
            return pauses;
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
