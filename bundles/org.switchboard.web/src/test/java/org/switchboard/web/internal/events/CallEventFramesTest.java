package org.switchboard.web.internal.events;

import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.osgi.service.event.Event;
import org.switchboard.api.call.CallEvents;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.WebUser;

public class CallEventFramesTest {
    private static final WebUser AGENT_1001 = new WebUser("1001", Set.of(Role.AGENT));
    private static final WebUser AGENT_1002 = new WebUser("1002", Set.of(Role.AGENT));
    private static final WebUser ADMIN = new WebUser("karaf", Set.of(Role.ADMIN));

    @Test
    public void aCallOfferedToAnAgentIsSeenByThatAgentAndSupervisorsOnly() {
        LiveEvent offered = CallEventFrames.of(callEvent(CallEvents.OFFERED, "1001")).orElseThrow();

        String frame = offered.frameFor(AGENT_1001).orElseThrow();
        assertTrue(frame, frame.startsWith("event: call\ndata: {\"type\":\"OFFERED\",\"callId\":\"c1\""));
        assertTrue(frame, frame.contains("\"arrivedAt\":\"1970-01-01T00:00:01Z\""));
        assertTrue(frame, frame.endsWith("\n\n"));
        assertTrue(offered.frameFor(AGENT_1002).isEmpty());
        assertTrue(offered.frameFor(ADMIN).isPresent());
    }

    @Test
    public void aWaitingCallWithoutAgentIsForSupervisorsOnly() {
        LiveEvent queued = CallEventFrames.of(callEvent(CallEvents.QUEUED, null)).orElseThrow();

        assertTrue(queued.frameFor(AGENT_1001).isEmpty());
        assertTrue(queued.frameFor(ADMIN).orElseThrow().contains("\"type\":\"QUEUED\""));
    }

    @Test
    public void anAgentsStateIsSeenByThatAgent() {
        LiveEvent paused = CallEventFrames.of(new Event(CallEvents.AGENT_STATE, Map.of(CallEvents.AGENT_ID, "1002",
                CallEvents.AGENT_STATE_NAME, "PAUSED", CallEvents.PAUSE_REASON, "lunch"))).orElseThrow();

        String frame = paused.frameFor(AGENT_1002).orElseThrow();
        assertTrue(frame, frame.startsWith("event: agent\ndata: {\"agentId\":\"1002\",\"state\":\"PAUSED\","
                + "\"pauseReason\":\"lunch\""));
        assertTrue(paused.frameFor(AGENT_1001).isEmpty());
    }

    private static Event callEvent(String topic, String agentId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CallEvents.CALL_ID, "c1");
        properties.put(CallEvents.ANI, "5551234");
        properties.put(CallEvents.DNIS, "4000");
        properties.put(CallEvents.QUEUE, "support");
        if (agentId != null) {
            properties.put(CallEvents.AGENT_ID, agentId);
        }
        properties.put(CallEvents.STATE, "OFFERED");
        properties.put(CallEvents.ARRIVED_AT, 1000L);
        properties.put(CallEvents.VARIABLES, Map.of("ivr.flow", "main"));
        return new Event(topic, properties);
    }
}
