package org.switchboard.acd.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.switchboard.api.acd.AgentState;

/** An agent as the distributor tracks it. Touched only on the decision thread. */
final class AgentSeat {
    AgentSettings settings;
    AgentState state = AgentState.LOGGED_OUT;
    Instant since;
    final Set<String> queues = new LinkedHashSet<>();
    String callId;
    int unansweredInARow;
    boolean logoutAfterCall;

    AgentSeat(AgentSettings settings, Instant now) {
        this.settings = settings;
        this.since = now;
    }

    String id() {
        return settings.id();
    }

    boolean isLoggedIn() {
        return state != AgentState.LOGGED_OUT;
    }
}
