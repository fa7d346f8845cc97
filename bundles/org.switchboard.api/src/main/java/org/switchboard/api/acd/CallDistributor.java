package org.switchboard.api.acd;

import java.util.Optional;

/**
 * The distributor as seen from the SIP edge: calls come in, are queued and offered to agents; the edge reports
 * what the phones did.
 * <p>
 * All methods return at once: the distributor queues the work on its own decision thread, which also writes
 * the call's record. Reports about calls the distributor does not know (already ended, for example) are
 * ignored.
 */
public interface CallDistributor {

    /** The queue that serves a service number, if any. */
    Optional<String> queueForNumber(String dnis);

    /** A new call waits in its queue; {@code leg} is how the distributor acts on it. */
    void enqueue(InboundCall call, CallerLeg leg);

    /** The agent's phone is ringing (180/183 received). */
    void agentRinging(String callId, String agentId);

    /** The agent answered; caller and agent are bridged. */
    void offerAnswered(String callId, String agentId);

    /** The offer did not reach a conversation; the call goes back to the head of its queue. */
    void offerFailed(String callId, String agentId, OfferOutcome outcome, String detail);

    /** The caller hung up (CANCEL) before the call was answered. */
    void callerAbandoned(String callId);

    /** An answered call ended with a BYE from {@code hungUpBy} ("caller" or "agent"). */
    void callEnded(String callId, String hungUpBy);

    /** The edge could not carry the call any further (for example the caller's leg failed). */
    void callFailed(String callId, String reason);
}
