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
    UNREACHABLE
}
