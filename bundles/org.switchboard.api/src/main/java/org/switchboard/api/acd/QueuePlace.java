package org.switchboard.api.acd;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a waiting call stands in its queue.
 * <p>
 * The estimate is deliberately simple: {@code position × recent average handle time ÷ agents} of the queue
 * (handle time = talk and wrap-up of the queue's last calls; agents = those logged in to the queue and not
 * paused). Without handled calls yet, the queue's recent average wait of answered calls stands in for it; with
 * neither, or with no agent to serve the queue, the time left until the queue's maximum wait acts. It is never
 * more than that time left.
 *
 * @param position      1 for the next call the queue serves (higher priority first, then earlier arrival)
 * @param estimatedWait the expected time until an agent is offered the call
 */
public record QueuePlace(int position, Duration estimatedWait) {
    public QueuePlace {
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1: " + position);
        }
        Objects.requireNonNull(estimatedWait, "estimatedWait");
    }
}
