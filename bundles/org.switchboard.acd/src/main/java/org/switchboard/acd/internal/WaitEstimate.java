package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * The estimated wait of a call in its queue, as {@link org.switchboard.api.acd.QueuePlace} documents it:
 * {@code position × recent average handle time ÷ agents}; without handled calls yet, the recent average wait of
 * answered calls; with neither, or without an agent to serve the queue, the time left before the queue's maximum
 * wait acts, which also bounds every estimate. A caller is better told "up to a minute" than a precise number
 * the queue cannot keep.
 */
final class WaitEstimate {
    private WaitEstimate() {
    }

    /**
     * @param position       1 for the next call served
     * @param recentHandling mean talk and wrap-up of the queue's last calls, if any were handled
     * @param recentWait     mean wait of the queue's last answered calls, if any were answered
     * @param agents         agents logged in to the queue and not paused
     * @param leftBeforeMax  time left until the queue's maximum wait acts on the call
     */
    static Duration of(int position, Optional<Duration> recentHandling, Optional<Duration> recentWait, int agents,
            Duration leftBeforeMax) {
        Duration bound = leftBeforeMax.isNegative() ? Duration.ZERO : leftBeforeMax;
        if (agents <= 0) {
            return bound;
        }
        Optional<Duration> estimate = recentHandling.map(handling -> handling.multipliedBy(position)
                .dividedBy(agents)).or(() -> recentWait);
        return estimate.filter(e -> e.compareTo(bound) < 0).orElse(bound);
    }
}
