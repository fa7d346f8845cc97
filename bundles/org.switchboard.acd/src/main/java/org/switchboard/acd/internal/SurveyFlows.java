package org.switchboard.acd.internal;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The survey flow of each answered call, readable from any thread, kept after the call ends for the edge to ask
 * right then: the last {@value #ENDED_KEPT} ended calls are remembered, older ones forgotten. Written only on the
 * decision thread.
 */
final class SurveyFlows {
    static final int ENDED_KEPT = 2000;
    /** Stands for "answered, but its queue has no survey". */
    private static final String NONE = "";

    private final Map<String, String> byCall = new ConcurrentHashMap<>();
    private final ArrayDeque<String> ended = new ArrayDeque<>();

    void answered(String callId, Optional<String> flow) {
        byCall.put(callId, flow.orElse(NONE));
    }

    void ended(String callId) {
        if (byCall.containsKey(callId)) {
            ended.addLast(callId);
            while (ended.size() > ENDED_KEPT) {
                byCall.remove(ended.removeFirst());
            }
        }
    }

    /** Empty when the call is not known as answered here (yet); the survey flow's name, or "" for none. */
    Optional<String> lookup(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }
}
