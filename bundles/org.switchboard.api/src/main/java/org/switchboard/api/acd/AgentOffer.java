package org.switchboard.api.acd;

import java.time.Duration;

/**
 * The distributor asks the SIP edge to ring an agent's phone with a call.
 *
 * @param callId      the call
 * @param agentId     the agent
 * @param contact     the SIP URI where the agent's phone is registered
 * @param ringTimeout how long to ring before giving up with {@link OfferOutcome#NO_ANSWER}
 */
public record AgentOffer(String callId, String agentId, String contact, Duration ringTimeout) {
}
