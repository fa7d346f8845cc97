package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.PostedEvent;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallEvents;

public class CallEventPostingTest extends DistributionFixture {

    @Test
    public void answeredCallPostsQueuedOfferedAnsweredEndedEachAfterItsRecordIsStored() {
        readyAgents("1001");
        Instant arrived = clock.instant();
        call(new InboundCall("c1", "5551234", "4000", "support", arrived, 0, Map.of("ivr.menu", "2")));
        clock.advance(Duration.ofSeconds(3));
        acd.agentRinging("c1", "1001");
        acd.offerAnswered("c1", "1001");
        clock.advance(Duration.ofSeconds(40));
        acd.callEnded("c1", "caller");

        List<PostedEvent> calls = events.onTopicsStartingWith(CallEvents.CALL_TOPIC_PREFIX);
        assertEquals(List.of(CallEvents.QUEUED, CallEvents.OFFERED, CallEvents.ANSWERED, CallEvents.ENDED),
                calls.stream().map(PostedEvent::topic).toList());
        for (PostedEvent event : calls) {
            assertEquals("stored before posted", event.get(CallEvents.STATE), event.storedState());
            assertEquals("c1", event.get(CallEvents.CALL_ID));
            assertEquals("5551234", event.get(CallEvents.ANI));
            assertEquals("4000", event.get(CallEvents.DNIS));
            assertEquals("support", event.get(CallEvents.QUEUE));
            assertEquals(arrived.toEpochMilli(), event.get(CallEvents.ARRIVED_AT));
            assertEquals(Map.of("ivr.menu", "2"), event.get(CallEvents.VARIABLES));
        }
        assertEquals("1001", calls.get(1).get(CallEvents.AGENT_ID));
        PostedEvent ended = calls.get(3);
        assertEquals("ANSWERED", ended.get(CallEvents.DISPOSITION));
        assertEquals("1001", ended.get(CallEvents.AGENT_ID));
        assertEquals(arrived.plusSeconds(3).toEpochMilli(), ended.get(CallEvents.ANSWERED_AT));
        assertEquals(arrived.plusSeconds(43).toEpochMilli(), ended.get(CallEvents.ENDED_AT));

        assertEquals(List.of("AVAILABLE", "RESERVED", "RINGING", "ON_CALL", "AVAILABLE"),
                events.onTopicsStartingWith(CallEvents.AGENT_STATE).stream()
                        .map(event -> event.get(CallEvents.AGENT_STATE_NAME)).toList());
    }

    @Test
    public void abandonedCallPostsQueuedThenEndedAsAbandoned() {
        Instant arrived = clock.instant();
        call("c1");
        clock.advance(Duration.ofSeconds(7));
        acd.callerAbandoned("c1");

        List<PostedEvent> calls = events.onTopicsStartingWith(CallEvents.CALL_TOPIC_PREFIX);
        assertEquals(List.of(CallEvents.QUEUED, CallEvents.ENDED), calls.stream().map(PostedEvent::topic).toList());
        PostedEvent ended = calls.get(1);
        assertEquals("ENDED", ended.storedState());
        assertEquals("ABANDONED", ended.get(CallEvents.DISPOSITION));
        assertEquals(arrived.plusSeconds(7).toEpochMilli(), ended.get(CallEvents.ENDED_AT));
        assertFalse(ended.properties().containsKey(CallEvents.ANSWERED_AT));
        assertFalse(ended.properties().containsKey(CallEvents.AGENT_ID));
    }

    @Test
    public void pausedAgentsStateEventCarriesTheReason() {
        readyAgents("1001");
        acd.pause("1001", "lunch");

        PostedEvent paused = events.onTopicsStartingWith(CallEvents.AGENT_STATE).get(1);
        assertEquals("1001", paused.get(CallEvents.AGENT_ID));
        assertEquals("PAUSED", paused.get(CallEvents.AGENT_STATE_NAME));
        assertEquals("lunch", paused.get(CallEvents.PAUSE_REASON));
    }
}
