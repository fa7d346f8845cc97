package org.switchboard.api.acd;

/**
 * The SIP edge's handle on one caller's call, given to the distributor with the call.
 * <p>
 * The distributor calls these methods from its decision thread. Implementations must return at once (send
 * the message and return; never wait for a response) and must not throw; what happens next is reported back
 * through {@link CallDistributor}.
 */
public interface CallerLeg {

    /**
     * Ring the agent's phone with the call. The outcome comes back as
     * {@link CallDistributor#agentRinging}, {@link CallDistributor#offerAnswered} or
     * {@link CallDistributor#offerFailed}.
     */
    void offer(AgentOffer offer);

    /** Stop ringing the agent (for example because the agent logged out). Reported as a failed offer. */
    void withdrawOffer(String agentId);

    /**
     * The distributor gives up on the call while it waits: send the caller a final response with this status
     * and reason (for example 480 when no agent answered in time). The distributor has already closed the
     * call's record.
     */
    void release(int sipStatus, String reason);
}
