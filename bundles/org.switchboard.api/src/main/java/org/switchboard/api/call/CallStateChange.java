package org.switchboard.api.call;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a call's life, kept beside its call detail record.
 *
 * @param callId the call
 * @param state  the state entered
 * @param at     when
 * @param detail a short human-readable reason, e.g. "offered to 1001" or "agent 1001 busy (486)"; at most
 *               {@value #DETAIL_LENGTH} characters are kept (a longer text, such as a strategy's long reason, is
 *               cut and ends with "…"), so that a record is never refused for its wording
 */
public record CallStateChange(String callId, CallState state, Instant at, String detail) {
    public static final int DETAIL_LENGTH = 500;

    public CallStateChange {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > DETAIL_LENGTH) {
            detail = detail.substring(0, DETAIL_LENGTH - 1) + "…";
        }
    }
}
