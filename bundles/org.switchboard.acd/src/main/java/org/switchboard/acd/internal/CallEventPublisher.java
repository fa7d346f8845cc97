package org.switchboard.acd.internal;

import java.util.HashMap;
import java.util.Map;

import org.switchboard.api.acd.AgentState;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallEvents;

/**
 * Tells the rest of the server what happened to calls and agents, once it is stored: the topics and properties
 * of {@link CallEvents}. Called on the decision thread; the sink must not block (Event Admin's
 * {@code postEvent} delivers asynchronously).
 */
final class CallEventPublisher {

    /** Where events go. */
    interface Sink {
        void post(String topic, Map<String, Object> properties);
    }

    /** Posts nothing. */
    static final CallEventPublisher SILENT = new CallEventPublisher(null);

    private final Sink sink;

    CallEventPublisher(Sink sink) {
        this.sink = sink;
    }

    /** The call entered a queue: arrived, overflowed, or back after an offer that was not answered. */
    void queued(CallDetailRecord record, Map<String, String> variables) {
        call(CallEvents.QUEUED, record, record.agentId(), variables);
    }

    /** An agent's phone rings with the call (one event per agent for ring-all). */
    void offered(CallDetailRecord record, String agentId, Map<String, String> variables) {
        call(CallEvents.OFFERED, record, agentId, variables);
    }

    void answered(CallDetailRecord record, Map<String, String> variables) {
        call(CallEvents.ANSWERED, record, record.agentId(), variables);
    }

    void ended(CallDetailRecord record, Map<String, String> variables) {
        call(CallEvents.ENDED, record, record.agentId(), variables);
    }

    void agentState(String agentId, AgentState state, String pauseReason, String callId) {
        if (sink == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(CallEvents.AGENT_ID, agentId);
        properties.put(CallEvents.AGENT_STATE_NAME, state.name());
        putIfPresent(properties, CallEvents.PAUSE_REASON, pauseReason);
        putIfPresent(properties, CallEvents.CALL_ID, callId);
        sink.post(CallEvents.AGENT_STATE, properties);
    }

    private void call(String topic, CallDetailRecord record, String agentId, Map<String, String> variables) {
        if (sink == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(CallEvents.CALL_ID, record.callId());
        properties.put(CallEvents.ANI, record.ani());
        properties.put(CallEvents.DNIS, record.dnis());
        properties.put(CallEvents.QUEUE, record.queue());
        putIfPresent(properties, CallEvents.AGENT_ID, agentId);
        properties.put(CallEvents.STATE, record.state().name());
        properties.put(CallEvents.ARRIVED_AT, record.arrivedAt().toEpochMilli());
        if (record.answeredAt() != null) {
            properties.put(CallEvents.ANSWERED_AT, record.answeredAt().toEpochMilli());
        }
        if (record.disposition() != null) {
            properties.put(CallEvents.DISPOSITION, record.disposition().name());
        }
        if (record.endedAt() != null) {
            properties.put(CallEvents.ENDED_AT, record.endedAt().toEpochMilli());
        }
        properties.put(CallEvents.VARIABLES, Map.copyOf(variables));
        sink.post(topic, properties);
    }

    private static void putIfPresent(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
