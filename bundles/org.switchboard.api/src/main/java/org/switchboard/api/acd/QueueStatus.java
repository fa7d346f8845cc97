package org.switchboard.api.acd;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of one queue.
 *
 * @param name            queue name
 * @param numbers         service numbers (DNIS) that lead to this queue
 * @param waiting         calls waiting now
 * @param longestWait     how long the oldest waiting call has waited
 * @param agentsLoggedIn  agents logged in to the queue
 * @param agentsAvailable of those, how many may be offered a call now
 * @param maxWait         how long a caller may wait before the call is released as no-agent
 * @param ringTimeout     how long an agent's phone rings before the offer is withdrawn
 */
public record QueueStatus(String name, List<String> numbers, int waiting, Duration longestWait, int agentsLoggedIn,
        int agentsAvailable, Duration maxWait, Duration ringTimeout) {
    public QueueStatus {
        numbers = List.copyOf(numbers);
    }
}
