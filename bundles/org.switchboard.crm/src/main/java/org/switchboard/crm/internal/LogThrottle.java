package org.switchboard.crm.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps a dead or slow CRM from flooding the log with one line per call: per kind of event, at most one line
 * per interval, which then says how many were left out. Thread-safe.
 */
final class LogThrottle {
    static final long SUPPRESSED = -1;

    private static final class Kind {
        long loggedAt;
        long suppressed;
    }

    private final Duration interval;
    private final LongSupplier nanoTime;
    private final Map<String, Kind> kinds = new HashMap<>();

    LogThrottle(Duration interval, LongSupplier nanoTime) {
        this.interval = interval;
        this.nanoTime = nanoTime;
    }

    /** {@link #SUPPRESSED}, or how many events of the kind were left out since the last one logged. */
    synchronized long permit(String kind) {
        long now = nanoTime.getAsLong();
        Kind state = kinds.get(kind);
        if (state == null) {
            state = new Kind();
            state.loggedAt = now;
            kinds.put(kind, state);
            return 0;
        }
        if (now - state.loggedAt < interval.toNanos()) {
            state.suppressed++;
            return SUPPRESSED;
        }
        long suppressed = state.suppressed;
        state.loggedAt = now;
        state.suppressed = 0;
        return suppressed;
    }

    String leftOut(long suppressed) {
        return suppressed > 0 ? " (" + suppressed + " more like it not logged in the last " + interval.toSeconds()
                + " s)" : "";
    }
}
