package org.switchboard.api.acd;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one queue.
 *
 * @param name             queue name
 * @param numbers          service numbers (DNIS) that lead to this queue
 * @param strategy         the routing strategy the queue names
 * @param strategyInUse    the strategy that decides now: the queue's own, or its fallback when the own one is
 *                         not installed
 * @param fallbackStrategy the strategy that decides when the queue's own fails
 * @param waiting          calls waiting now
 * @param longestWait      how long the oldest waiting call has waited
 * @param agentsLoggedIn   agents logged in to the queue
 * @param agentsAvailable  of those, how many may be offered a call now
 * @param maxWait          how long a caller may wait before the call is released or overflows
 * @param ringTimeout      how long an agent's phone rings before the offer is withdrawn
 * @param wrapUp           time agents spend in wrap-up after a call of this queue
 * @param serviceLevel     answer-time threshold of the service level
 * @param requiredSkills   skills and minimum levels an agent needs to be offered calls of this queue
 * @param kpis             the queue's performance
 */
public record QueueStatus(String name, List<String> numbers, String strategy, String strategyInUse,
        String fallbackStrategy, int waiting, Duration longestWait, int agentsLoggedIn, int agentsAvailable,
        Duration maxWait, Duration ringTimeout, Duration wrapUp, Duration serviceLevel,
        Map<String, Integer> requiredSkills, QueueKpis kpis) {
    public QueueStatus {
        numbers = List.copyOf(numbers);
        requiredSkills = Map.copyOf(requiredSkills);
    }
}
