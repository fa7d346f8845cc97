package org.switchboard.acd.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.switchboard.api.acd.AgentState;
import org.switchboard.routing.api.CandidateAgent;

/** An agent as the distributor tracks it. Touched only on the decision thread. */
final class AgentSeat {
    AgentSettings settings;
    AgentState state = AgentState.LOGGED_OUT;
    Instant since;
    Instant idleSince;
    /** Queues the agent is logged in to, with the agent's tier in each. */
    final Map<String, Integer> queues = new LinkedHashMap<>();
    /** The call the agent is offered, on, or wrapping up. */
    String callId;
    String pauseReason;
    /** Applied when the current call (and its wrap-up) is over. */
    String pauseAfterCall;
    boolean logoutAfterCall;
    int unansweredInARow;
    /** The queue and talk time of the call being wrapped up, counted as handled when wrap-up ends. */
    String wrapUpQueue;
    Duration wrapUpTalk;
    Timers.Timer wrapUpTimer;
    AgentCounters counters = new AgentCounters();
    /** Marks the agent as a candidate of the decision being made (the decision's number). */
    long candidateOf;
    /** The agent as strategies see it in a queue; valid until the agent's state, queues or settings change. */
    private CandidateAgent snapshot;
    private String snapshotQueue;

    AgentSeat(AgentSettings settings, Instant now) {
        this.settings = settings;
        this.since = now;
        this.idleSince = now;
    }

    String id() {
        return settings.id();
    }

    boolean isLoggedIn() {
        return state != AgentState.LOGGED_OUT;
    }

    CandidateAgent snapshot(String queue, Instant now) {
        if (snapshot == null || !queue.equals(snapshotQueue)) {
            snapshot = new CandidateAgent(id(), settings.skills(), queues.getOrDefault(queue, 1), idleSince,
                    (int) counters.answeredCount(), counters.talk(state, Duration.between(since, now)),
                    counters.lastCallEndedAt());
            snapshotQueue = queue;
        }
        return snapshot;
    }

    /** Something strategies see has changed. */
    void forgetSnapshot() {
        snapshot = null;
    }

    int maxNoAnswers(QueueSettings queue) {
        return settings.maxNoAnswers().orElse(queue.maxNoAnswers());
    }
}
