package org.switchboard.api.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One decision of the distributor about one waiting call: which strategy decided, which agent it chose and why.
 *
 * @param callId          the call
 * @param queue           the queue the call waited in
 * @param strategy        the strategy that made the decision (the fallback strategy when the queue's own failed)
 * @param strategyVersion the version of the bundle providing that strategy ("built-in" for the distributor's own)
 * @param chosenAgent     the agent offered the call, or {@code null} when none was
 * @param reason          the strategy's reason, in words
 * @param candidates      how many agents could have taken the call
 * @param decidedAt       when
 * @param took            how long the strategy took
 * @param fallbackCause   why the queue's own strategy did not decide (missing, threw, too slow, bad answer), or
 *                        {@code null} when it did
 */
public record RoutingDecisionRecord(String callId, String queue, String strategy, String strategyVersion,
        String chosenAgent, String reason, int candidates, Instant decidedAt, Duration took, String fallbackCause) {
    public RoutingDecisionRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(strategyVersion, "strategyVersion");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(took, "took");
    }
}
