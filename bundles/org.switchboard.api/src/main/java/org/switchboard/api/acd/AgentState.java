package org.switchboard.api.acd;

import java.util.Locale;

/** The state of an agent as the distributor sees it. */
public enum AgentState {
    LOGGED_OUT,
    /** Logged in, idle, and may be offered a call. */
    AVAILABLE,
    /** Chosen for a call; the offer is being set up. */
    RESERVED,
    /** The agent's phone is ringing with a call. */
    RINGING,
    ON_CALL,
    /** After a call, before becoming available again. */
    WRAP_UP,
    /** Logged in but not taking calls. */
    PAUSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
