package org.switchboard.api.acd;

import java.time.Duration;

/**
 * An agent's work since the distributor started (or since midnight, whichever is later).
 * Occupancy = handling / (handling + available idle), handling being ringing, talk, hold and wrap-up time.
 *
 * @param answered      calls answered
 * @param talk          time on calls
 * @param wrapUp        time in wrap-up
 * @param availableIdle time available and waiting for a call
 */
public record AgentKpis(long answered, Duration talk, Duration wrapUp, Duration availableIdle) {

    public static final AgentKpis NONE = new AgentKpis(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Fraction 0..1; 0 when the agent has not worked yet. */
    public double occupancy() {
        Duration handling = talk.plus(wrapUp);
        Duration total = handling.plus(availableIdle);
        return total.isZero() ? 0.0 : (double) handling.toMillis() / total.toMillis();
    }
}
