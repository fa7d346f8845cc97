package org.switchboard.api.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent entered a state.
 *
 * @param agentId the agent
 * @param state   the state entered
 * @param at      when
 * @param reason  why, in words an operator reads (e.g. "login to support", "no answer on call X")
 */
public record AgentStateChange(String agentId, AgentState state, Instant at, String reason) {
    public AgentStateChange {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
