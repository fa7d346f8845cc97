package org.switchboard.api.call;

/** Where a call is in its life inside the server. */
public enum CallState {
    /** Waiting in a queue for an agent. */
    QUEUED,
    /** An agent's phone is being offered (rung) with the call. */
    OFFERED,
    /** Caller and agent are bridged and talking. */
    ANSWERED,
    /** The call is over; its disposition says how it ended. */
    ENDED
}
