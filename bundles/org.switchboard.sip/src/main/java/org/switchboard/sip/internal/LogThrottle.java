package org.switchboard.sip.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps a flood of refused requests from flooding the log: per category (a fixed, small set of kinds of
 * event), at most one line per interval, which then says how many similar events were not logged. Thread-safe.
 */
final class LogThrottle {
    /** {@link #permit} answers this when the event is not to be logged. */
    static final long SUPPRESSED = -1;
    /** How often the SIP edge logs one kind of refusal at most. */
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private static final class Category {
        long loggedAt;
        long suppressed;
    }

    private final Duration interval;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Category> categories = new HashMap<>();

    LogThrottle(Duration interval, LongSupplier nanoTime) {
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Whether to log this event: {@link #SUPPRESSED}, or the number of events of the category that were not
     * logged since the last one that was.
     */
    synchronized long permit(String category) {
        long now = nanoTime.getAsLong();
        Category state = categories.get(category);
        if (state == null) {
            state = new Category();
            state.loggedAt = now;
            categories.put(category, state);
            return 0;
        }
        if (now - state.loggedAt < intervalNanos) {
            state.suppressed++;
            return SUPPRESSED;
        }
        long suppressed = state.suppressed;
        state.loggedAt = now;
        state.suppressed = 0;
        return suppressed;
    }

    /** What a logged line adds about the events left out before it: nothing, or how many in which interval. */
    String leftOut(long suppressed) {
        return suppressed > 0 ? " (" + suppressed + " more like it not logged in the last " + interval.toSeconds()
                + " s)" : "";
    }
}
