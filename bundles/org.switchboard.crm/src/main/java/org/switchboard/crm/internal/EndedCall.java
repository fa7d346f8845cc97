package org.switchboard.crm.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.event.Event;
import org.switchboard.api.call.CallEvents;
import org.switchboard.api.call.CallVariables;
import org.switchboard.api.call.Disposition;

/**
 * A call that ended, as the distributor's {@link CallEvents#ENDED} event tells it.
 *
 * @param disposition the disposition's label, for example {@code answered}
 */
record EndedCall(String callId, String ani, String queue, String agentId, String disposition, Instant arrivedAt,
        Instant endedAt, Map<String, String> variables) {

    /** Variable with the agent's notes on the call, when the agent console sets one. */
    static final String NOTES = "crm.notes";
    /** Variable with the id of the call's recording, when the call was recorded. */
    static final String RECORDING_ID = "recording.id";
    /** Variable with the customer the enricher (or the IVR) recognised. */
    static final String CUSTOMER_ID = CallVariables.CUSTOMER_ID;

    EndedCall {
        variables = Map.copyOf(variables);
    }

    /** Empty when the event has no call id or caller, which a distributor's event always has. */
    static Optional<EndedCall> of(Event event, Instant now) {
        Object callId = event.getProperty(CallEvents.CALL_ID);
        Object ani = event.getProperty(CallEvents.ANI);
        if (callId == null || ani == null) {
            return Optional.empty();
        }
        Instant ended = instant(event.getProperty(CallEvents.ENDED_AT), now);
        return Optional.of(new EndedCall(callId.toString(), ani.toString(), text(event, CallEvents.QUEUE),
                text(event, CallEvents.AGENT_ID), disposition(event.getProperty(CallEvents.DISPOSITION)),
                instant(event.getProperty(CallEvents.ARRIVED_AT), ended), ended,
                variables(event.getProperty(CallEvents.VARIABLES))));
    }

    private static String text(Event event, String property) {
        Object value = event.getProperty(property);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static String disposition(Object value) {
        if (value == null) {
            return "unknown";
        }
        try {
            return Disposition.valueOf(value.toString()).label();
        } catch (IllegalArgumentException e) {
            return value.toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static Instant instant(Object value, Instant fallback) {
        return value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : fallback;
    }

    private static Map<String, String> variables(Object value) {
        Map<String, String> variables = new HashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, text) -> {
                if (key != null && text != null) {
                    variables.put(key.toString(), text.toString());
                }
            });
        }
        return variables;
    }
}
