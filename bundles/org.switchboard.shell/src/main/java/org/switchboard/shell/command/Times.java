package org.switchboard.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the commands print time and ratios: points in time as local time of the server to the second, durations
 * as whole seconds, fractions as whole percentages.
 */
final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Times() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /** Whole seconds; 0 for {@code null}. */
    static long seconds(Duration duration) {
        return duration == null ? 0 : duration.toSeconds();
    }

    /** A fraction 0..1 as a whole percentage. */
    static long percent(double fraction) {
        return Math.round(fraction * 100);
    }
}
