package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.Optional;

/** The last few durations of something (handle times, waits), for a mean that follows the day. Decision thread only. */
final class RecentDurations {
    private final long[] millis;
    private int count;
    private int next;

    RecentDurations(int kept) {
        millis = new long[kept];
    }

    void add(Duration duration) {
        millis[next] = Math.max(0, duration.toMillis());
        next = (next + 1) % millis.length;
        count = Math.min(count + 1, millis.length);
    }

    /** The mean of the kept durations; empty before the first. */
    Optional<Duration> mean() {
        if (count == 0) {
            return Optional.empty();
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += millis[i];
        }
        return Optional.of(Duration.ofMillis(sum / count));
    }
}
