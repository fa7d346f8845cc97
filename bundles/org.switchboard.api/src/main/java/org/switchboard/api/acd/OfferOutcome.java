package org.switchboard.api.acd;

/** Why an offer to an agent did not end with the agent answering. */
public enum OfferOutcome {
    /** The phone answered busy (486 or 600). */
    BUSY,
    /** The agent declined (603). */
    DECLINED,
    /** Nobody answered within the ring timeout. */
    NO_ANSWER,
    /** The phone could not be reached or failed the request. */
    UNREACHABLE,
    /**
     * A callback's customer did not answer when the server called them back: the agent is not to blame (not
     * counted as a no-answer) and the callback stays queued, or ends when it has been tried often enough.
     */
    CUSTOMER_UNREACHABLE
}
