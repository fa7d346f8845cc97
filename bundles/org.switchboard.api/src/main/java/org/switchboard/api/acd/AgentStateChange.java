package org.switchboard.api.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent entered a state.
 *
 * @param agentId the agent
 * @param state   the state entered
 * @param at      when
 * @param reason  why, in words an operator reads (e.g. "login to support", "no answer on call X"); at most
 *                {@value #REASON_LENGTH} characters are kept
 */
public record AgentStateChange(String agentId, AgentState state, Instant at, String reason) {
    public static final int REASON_LENGTH = 500;

    public AgentStateChange {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > REASON_LENGTH) {
            reason = reason.substring(0, REASON_LENGTH - 1) + "…";
        }
    }
}
