package org.switchboard.api.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Writes and reads instants in TIMESTAMP columns of the Switchboard database as UTC wall-clock time, whatever the
 * JVM's time zone, so that an instant reads back exactly and the stored values do not shift when the server moves
 * or the clocks change. Every bundle that keeps tables there stores its times this way.
 *
 * @since 1.2
 */
public final class UtcTimestamps {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private UtcTimestamps() {
    }

    /** Sets the parameter to the instant, or to SQL NULL for {@code null}. */
    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), utcCalendar());
        }
    }

    /** @return the instant, or {@code null} for SQL NULL */
    public static Instant get(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column, utcCalendar());
        return timestamp == null ? null : timestamp.toInstant();
    }

    // A calendar is mutable and the driver may change it, so every call gets its own.
    private static Calendar utcCalendar() {
        return Calendar.getInstance(UTC);
    }
}
