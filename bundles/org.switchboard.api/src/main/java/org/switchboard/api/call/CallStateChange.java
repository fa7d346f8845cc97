package org.switchboard.api.call;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a call's life, kept beside its call detail record.
 *
 * @param callId the call
 * @param state  the state entered
 * @param at     when
 * @param detail a short human-readable reason, e.g. "offered to 1001" or "agent 1001 busy (486)"
 */
public record CallStateChange(String callId, CallState state, Instant at, String detail) {
    public CallStateChange {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
