package org.switchboard.api.acd;

import java.util.Map;
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

    /*
     * The methods below came with version 1.1 of this package. They have defaults so that implementations
     * written for 1.0 (test doubles of the SIP edge, for example) still compile; the distributor overrides them.
     */

    /**
     * Data gathered about a call after it reached the queue (for example survey answers after the agent hung
     * up), stored with the call's record, added to or replacing the variables of the same names. Kept even when
     * the call has already ended; ignored for a call the server has no record of.
     */
    default void addVariables(String callId, Map<String, String> variables) {
    }

    /**
     * The call's place in its queue and its estimated wait, while it waits there; empty when it does not (it is
     * being offered, is answered, has ended, or is unknown). May be a second old; may be called from any thread
     * and returns within about a second even when the distributor is busy.
     */
    default Optional<QueuePlace> queuePlace(String callId) {
        return Optional.empty();
    }

    /**
     * The IVR flow that surveys the caller after the call: the survey flow of the queue that served it, when an
     * agent answered it. Still answers for a while after {@link #callEnded} was reported, so that the edge can
     * ask right then; empty for a call not answered, a queue without a survey, or an unknown call.
     */
    default Optional<String> surveyFlow(String callId) {
        return Optional.empty();
    }

    /**
     * The caller asked to be called back and is leaving: the call keeps its place in its queue as a callback to
     * {@code number}, which neither the queue's maximum wait nor its overflow ends. When an agent is chosen for it,
     * the leg's {@link CallerLeg#offer} comes as usual: the edge calls the customer first, then rings the agent, and
     * reports {@link OfferOutcome#CUSTOMER_UNREACHABLE} when the customer does not answer. Since 1.2.
     */
    default void callbackRequested(String callId, String number) {
    }

    /**
     * An agent dials out from the desktop: the distributor records the call ({@code call.queue()} names no queue;
     * the record says {@code outbound}), reserves the agent (who must be available or paused, with a registered
     * phone) and offers the call to the agent through {@code leg} as usual, so that the agent's phone rings first;
     * the edge reports the outcome as for any offer, then {@link #callEnded} or {@link #callFailed}. When the
     * agent cannot take it, {@code leg} is released (486). Since 1.2.
     */
    default void outboundStarted(InboundCall call, CallerLeg leg, String agentId) {
        leg.release(501, "Outbound calls not supported");
    }
}
