package org.switchboard.api.sip;

/**
 * How a supervisor's phone takes part in a call between a caller and an agent.
 *
 * @since 1.2
 */
public enum SupervisionMode {
    /** The supervisor hears both parties; neither hears the supervisor. */
    LISTEN,
    /** The supervisor hears both parties and speaks to the agent only (coaching); the caller hears nothing of it. */
    WHISPER,
    /** A three-way conference: everyone hears everyone. */
    BARGE
}
