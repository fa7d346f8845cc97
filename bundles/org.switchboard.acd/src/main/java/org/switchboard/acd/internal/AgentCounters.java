package org.switchboard.acd.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.switchboard.api.acd.AgentKpis;
import org.switchboard.api.acd.AgentState;

/**
 * Counts an agent's calls and the time spent in each state as the state changes; read as {@link AgentKpis}.
 * Decision thread only.
 */
final class AgentCounters {
    private long answered;
    private Duration talk = Duration.ZERO;
    private Duration wrapUp = Duration.ZERO;
    private Duration availableIdle = Duration.ZERO;
    private Instant lastCallEndedAt;

    /** The agent spent {@code spent} in {@code state}, which it leaves now. */
    void left(AgentState state, Duration spent) {
        switch (state) {
            case AVAILABLE -> availableIdle = availableIdle.plus(spent);
            case ON_CALL -> talk = talk.plus(spent);
            case WRAP_UP -> wrapUp = wrapUp.plus(spent);
            default -> { }
        }
    }

    void answered() {
        answered++;
    }

    void callEnded(Instant at) {
        lastCallEndedAt = at;
    }

    long answeredCount() {
        return answered;
    }

    Optional<Instant> lastCallEndedAt() {
        return Optional.ofNullable(lastCallEndedAt);
    }

    /** Talk so far, counting the time of the current state when the agent is on a call now. */
    Duration talk(AgentState current, Duration inCurrent) {
        return current == AgentState.ON_CALL ? talk.plus(inCurrent) : talk;
    }

    AgentKpis kpis(AgentState current, Duration inCurrent) {
        return new AgentKpis(answered, talk(current, inCurrent),
                current == AgentState.WRAP_UP ? wrapUp.plus(inCurrent) : wrapUp,
                current == AgentState.AVAILABLE ? availableIdle.plus(inCurrent) : availableIdle);
    }
}
