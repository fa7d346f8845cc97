package org.switchboard.ivr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.api.ivr.IvrCall;
import org.switchboard.api.media.MediaLeg;

/**
 * A caller's leg for tests: records what the flow did to it (answer, reject, hang-up, enqueue, saved variables)
 * and lets the test hang up as the caller and set the place in the queue.
 */
final class RecordingCall implements IvrCall {
    final RecordingLeg leg = new RecordingLeg();
    private final String ani;
    private final List<Runnable> onEnded = new ArrayList<>();
    boolean answered;
    boolean hungUp;
    boolean ended;
    int rejectedWith;
    String queue;
    int priority;
    Map<String, String> variables;
    final List<Map<String, String>> saved = new ArrayList<>();
    Optional<QueuePlace> place = Optional.empty();
    /** Whether the server can call back; what the flow asked for, when it did. */
    boolean callbacksPossible = true;
    List<String> callbackConfirmation;
    RuntimeException answerFailure;

    RecordingCall(String ani) {
        this.ani = ani;
    }

    /** The caller hangs up. */
    void callerHangsUp() {
        ended = true;
        List.copyOf(onEnded).forEach(Runnable::run);
    }

    @Override
    public String callId() {
        return "call-1";
    }

    @Override
    public String ani() {
        return ani;
    }

    @Override
    public String dnis() {
        return "4008";
    }

    @Override
    public MediaLeg answer() {
        if (answerFailure != null) {
            throw answerFailure;
        }
        answered = true;
        return leg;
    }

    @Override
    public void reject(int sipStatus, String reason) {
        rejectedWith = sipStatus;
        ended = true;
    }

    @Override
    public void hangUp() {
        hungUp = true;
        ended = true;
    }

    @Override
    public void enqueue(String queueName, int callPriority, Map<String, String> gathered) {
        queue = queueName;
        priority = callPriority;
        variables = Map.copyOf(gathered);
    }

    @Override
    public void saveVariables(Map<String, String> values) {
        saved.add(Map.copyOf(values));
    }

    @Override
    public boolean requestCallback(List<String> confirmation) {
        if (!callbacksPossible) {
            return false;
        }
        callbackConfirmation = List.copyOf(confirmation);
        return true;
    }

    @Override
    public Optional<QueuePlace> queuePlace() {
        return place;
    }

    @Override
    public void onEnded(Runnable action) {
        if (ended) {
            action.run();
        } else {
            onEnded.add(action);
        }
    }
}
