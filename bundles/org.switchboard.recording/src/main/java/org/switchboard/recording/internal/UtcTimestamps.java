package org.switchboard.recording.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** Writes and reads instants in TIMESTAMP columns as UTC wall-clock time, as the store does. */
final class UtcTimestamps {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private UtcTimestamps() {
    }

    static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), Calendar.getInstance(UTC));
        }
    }

    /** @return the instant, or {@code null} for SQL NULL */
    static Instant get(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column, Calendar.getInstance(UTC));
        return timestamp == null ? null : timestamp.toInstant();
    }
}
