package org.switchboard.api.call;

/**
 * Topics and property names of the OSGi events (Event Admin) the distributor posts as calls and agents change
 * (and the call flows, when one answers a call).
 * Events are posted asynchronously after the change is stored; a subscriber that misses one (for example
 * because it was not running) finds the stored records through {@link CallDetailRecordStore}.
 */
public final class CallEvents {
    /** Prefix of every call topic; subscribe to {@code org/switchboard/call/*} for all of them. */
    public static final String CALL_TOPIC_PREFIX = "org/switchboard/call/";
    /**
     * A call flow (IVR) answered a call, before any queue (or took over a call answered before, for a survey after
     * the agent): carries {@link #CALL_ID}, {@link #ANI}, {@link #DNIS}, {@link #FLOW} and {@link #ANSWERED_AT}.
     * Posted by the call flows, not the distributor.
     *
     * @since 1.3
     */
    public static final String FLOW_ANSWERED = CALL_TOPIC_PREFIX + "FLOW_ANSWERED";
    /** A call entered a queue (also after an overflow to another queue). */
    public static final String QUEUED = CALL_TOPIC_PREFIX + "QUEUED";
    /** An agent's phone is being rung with a call. */
    public static final String OFFERED = CALL_TOPIC_PREFIX + "OFFERED";
    /** An agent answered a call. */
    public static final String ANSWERED = CALL_TOPIC_PREFIX + "ANSWERED";
    /** A call ended, whatever the reason; carries the final record's values. */
    public static final String ENDED = CALL_TOPIC_PREFIX + "ENDED";
    /** An agent's state changed (logged in or out, ready, paused, on a call, wrap-up). */
    public static final String AGENT_STATE = "org/switchboard/agent/STATE";

    /** String: the server's id of the call. */
    public static final String CALL_ID = "callId";
    /** String: the caller's number. */
    public static final String ANI = "ani";
    /** String: the number called. */
    public static final String DNIS = "dnis";
    /** String: the queue. */
    public static final String QUEUE = "queue";
    /**
     * String: the call flow's name, in {@link #FLOW_ANSWERED} events.
     *
     * @since 1.3
     */
    public static final String FLOW = "flow";
    /** String: the agent, when there is one. */
    public static final String AGENT_ID = "agentId";
    /** String: the {@link CallState} name. */
    public static final String STATE = "state";
    /** String: the {@link Disposition} name, in {@link #ENDED} events. */
    public static final String DISPOSITION = "disposition";
    /** Long (epoch milliseconds): when the call arrived. */
    public static final String ARRIVED_AT = "arrivedAt";
    /** Long (epoch milliseconds): when an agent answered, when one did (the flow, in {@link #FLOW_ANSWERED}). */
    public static final String ANSWERED_AT = "answeredAt";
    /** Long (epoch milliseconds): when the call ended, in {@link #ENDED} events. */
    public static final String ENDED_AT = "endedAt";
    /** Map&lt;String, String&gt;: the call's variables (IVR and enrichers). */
    public static final String VARIABLES = "variables";
    /** String: the agent's new state name, in {@link #AGENT_STATE} events. */
    public static final String AGENT_STATE_NAME = "agentState";
    /** String: the pause reason, when the agent paused. */
    public static final String PAUSE_REASON = "pauseReason";

    private CallEvents() {
    }
}
