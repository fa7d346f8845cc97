package org.switchboard.api.sip;

/**
 * A supervisor's phone taking part in a call.
 *
 * @param callId    the call supervised
 * @param extension the supervisor's phone (a registered extension)
 * @param mode      how it takes part
 * @param connected whether the supervisor's phone has answered (false while it rings)
 * @since 1.2
 */
public record Supervision(String callId, String extension, SupervisionMode mode, boolean connected) {
}
