package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an agent asked for, kept so that a restart of the server (even a crash) gives it back: the agent is
 * logged in to these queues, and paused with this reason or available. A call the agent was on is not part of
 * it: a restart ends such a call.
 *
 * @param agentId      the agent
 * @param queues       the queues the agent is logged in to, in the order given at login
 * @param pausedReason the pause reason, or {@code null} for an agent that is available (also for one on a call
 *                     who asked to pause after it: the reason asked for)
 * @param updatedAt    when the session last changed
 */
public record AgentSession(String agentId, List<String> queues, String pausedReason, Instant updatedAt) {

    public AgentSession {
        Objects.requireNonNull(agentId, "agentId");
        queues = List.copyOf(queues);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isPaused() {
        return pausedReason != null;
    }
}
