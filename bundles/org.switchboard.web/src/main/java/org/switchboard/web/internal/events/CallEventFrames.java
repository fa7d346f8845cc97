package org.switchboard.web.internal.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.event.Event;
import org.switchboard.api.call.CallEvents;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.web.internal.http.Json;

/**
 * The distributor's events ({@link CallEvents}) as live events: {@code call} and {@code agent}. Supervisors and
 * admins see every one; an agent sees those about themselves (calls offered to or answered by them).
 */
final class CallEventFrames {

    private CallEventFrames() {
    }

    static Optional<LiveEvent> of(Event event) {
        String topic = event.getTopic();
        if (topic.equals(CallEvents.AGENT_STATE)) {
            return Optional.of(agent(event));
        }
        if (topic.startsWith(CallEvents.CALL_TOPIC_PREFIX)) {
            return Optional.of(call(event, topic.substring(CallEvents.CALL_TOPIC_PREFIX.length())));
        }
        return Optional.empty();
    }

    private static LiveEvent call(Event event, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        for (String key : new String[] { CallEvents.CALL_ID, CallEvents.ANI, CallEvents.DNIS, CallEvents.QUEUE,
            CallEvents.AGENT_ID, CallEvents.STATE, CallEvents.DISPOSITION }) {
            data.put(key, text(event, key));
        }
        data.put("arrivedAt", time(event.getProperty(CallEvents.ARRIVED_AT)));
        data.put("answeredAt", time(event.getProperty(CallEvents.ANSWERED_AT)));
        data.put("endedAt", time(event.getProperty(CallEvents.ENDED_AT)));
        Object variables = event.getProperty(CallEvents.VARIABLES);
        data.put("variables", variables instanceof Map<?, ?> map ? new TreeMap<>(map) : Map.of());
        String frame = LiveEvent.frame("call", Json.write(data));
        String agentId = text(event, CallEvents.AGENT_ID);
        return user -> visible(user, agentId) ? Optional.of(frame) : Optional.empty();
    }

    private static LiveEvent agent(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        String agentId = text(event, CallEvents.AGENT_ID);
        data.put("agentId", agentId);
        data.put("state", text(event, CallEvents.AGENT_STATE_NAME));
        data.put("pauseReason", text(event, CallEvents.PAUSE_REASON));
        data.put("callId", text(event, CallEvents.CALL_ID));
        data.put("since", Instant.now().toString());
        String frame = LiveEvent.frame("agent", Json.write(data));
        return user -> visible(user, agentId) ? Optional.of(frame) : Optional.empty();
    }

    private static boolean visible(WebUser user, String agentId) {
        return user.seesEverything() || agentId != null && agentId.equals(user.agentId());
    }

    private static String text(Event event, String key) {
        Object value = event.getProperty(key);
        return value == null ? null : value.toString();
    }

    private static String time(Object epochMillis) {
        return epochMillis instanceof Number number ? Instant.ofEpochMilli(number.longValue()).toString() : null;
    }
}
