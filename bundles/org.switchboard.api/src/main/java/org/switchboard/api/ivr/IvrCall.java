package org.switchboard.api.ivr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.media.MediaLeg;

/**
 * A caller's leg as a call flow sees it. Methods return at once and may be called from any thread; when the
 * caller hangs up, the runnable given to {@link #onEnded(Runnable)} runs and every later action does nothing.
 */
@ProviderType
public interface IvrCall {

    /** The server's id of the call. */
    String callId();

    /** The caller's number. */
    String ani();

    /** The number called. */
    String dnis();

    /**
     * Answers the call (200 OK with the server's SDP) if it is not answered yet, and returns the caller's
     * media leg. A survey runs on a call that is already answered.
     */
    MediaLeg answer();

    /** Refuses a call that is not answered yet with a SIP status (for example 403 or 603) and reason. */
    void reject(int sipStatus, String reason);

    /** Ends the call (BYE, or a final response when not answered yet). */
    void hangUp();

    /**
     * Hands the call to a queue with a priority of its own (added to the queue's) and the variables gathered;
     * the flow is over for this call.
     */
    void enqueue(String queue, int priority, Map<String, String> variables);

    /**
     * Stores data gathered by the flow with the call's record (for example survey answers), added to or
     * replacing the variables of the same names.
     */
    void saveVariables(Map<String, String> variables);

    /**
     * The caller, waiting in a queue, asks to be called back keeping their place. When the server can do it (the
     * call waits in a queue and calls can be placed through an outbound trunk), it plays the confirmation prompts
     * to the caller, hangs up, and keeps the call queued as a callback; the flow is then over for this call and
     * returns true. Otherwise nothing changes and it returns false (the flow goes on).
     *
     * @param confirmation prompts played before hanging up, for example "we will call you back"
     */
    boolean requestCallback(List<String> confirmation);

    /** The call's place in its queue and estimated wait, while it waits in one. */
    Optional<QueuePlace> queuePlace();

    /** Runs when the caller's leg ends (hang-up, failure); at once if it has already ended. */
    void onEnded(Runnable action);

    /**
     * Where a waiting call stands.
     *
     * @param position      1 for the next call to be served
     * @param estimatedWait the expected time until an agent takes it
     */
    record QueuePlace(int position, Duration estimatedWait) {
    }
}
