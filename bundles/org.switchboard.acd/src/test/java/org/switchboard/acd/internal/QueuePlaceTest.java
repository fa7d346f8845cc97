package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.QueuePlace;

public class QueuePlaceTest extends DistributionFixture {

    @Test
    public void positionsFollowPriorityThenArrivalAsTheQueueServes() {
        call("c1");
        call(new InboundCall("c2", "5551234", "4000", "support", clock.instant(), 2, Map.of()));
        call("c3");

        QueuePlaces places = acd.queuePlaces();

        assertEquals(1, places.of("c2").orElseThrow().position());
        assertEquals(2, places.of("c1").orElseThrow().position());
        assertEquals(3, places.of("c3").orElseThrow().position());
    }

    @Test
    public void callBeingOfferedOrUnknownHasNoPlace() {
        readyAgents("1001");
        call("c1");

        assertTrue(acd.queuePlaces().of("c1").isEmpty());
        assertTrue(acd.queuePlaces().of("nobody").isEmpty());
    }

    @Test
    public void withoutHistoryTheEstimateIsTheTimeLeftBeforeTheMaximumWait() {
        readyAgents("1001");
        acd.pause("1001", "lunch");
        call("c1");
        clock.advance(Duration.ofSeconds(10));

        assertEquals(new QueuePlace(1, Duration.ofSeconds(50)), acd.queuePlaces().of("c1").orElseThrow());
    }

    @Test
    public void estimateIsPositionTimesRecentHandleTimeOverAgents() throws SettingsException {
        acd.defineQueue(QueueSettings.of("support", List.of("4000"), Duration.ofSeconds(600), Duration.ofSeconds(15),
                2));
        readyAgents("1001", "1002");
        talk("h1", Duration.ofSeconds(100));
        talk("h2", Duration.ofSeconds(200));
        call("busy1");
        call("busy2");
        acd.offerAnswered("busy1", record("busy1").agentId());
        acd.offerAnswered("busy2", record("busy2").agentId());
        call("c1");
        call("c2");
        call("c3");

        QueuePlaces places = acd.queuePlaces();

        assertEquals(Duration.ofSeconds(75), places.of("c1").orElseThrow().estimatedWait());
        assertEquals(Duration.ofSeconds(150), places.of("c2").orElseThrow().estimatedWait());
        assertEquals(Duration.ofSeconds(225), places.of("c3").orElseThrow().estimatedWait());
    }

    @Test
    public void estimateFallsBackToRecentWaitsAndNeverExceedsTheTimeLeft() {
        Optional<Duration> none = Optional.empty();
        assertEquals(Duration.ofSeconds(30),
                WaitEstimate.of(4, none, Optional.of(Duration.ofSeconds(30)), 2, Duration.ofSeconds(90)));
        assertEquals(Duration.ofSeconds(90),
                WaitEstimate.of(4, Optional.of(Duration.ofMinutes(5)), none, 2, Duration.ofSeconds(90)));
        assertEquals("nobody serves the queue", Duration.ofSeconds(90),
                WaitEstimate.of(1, Optional.of(Duration.ofSeconds(10)), none, 0, Duration.ofSeconds(90)));
        assertEquals(Duration.ZERO, WaitEstimate.of(1, none, none, 1, Duration.ofSeconds(-3)));
    }

    /** A call answered by whoever is offered it and ended after {@code talk}. */
    private void talk(String callId, Duration talk) {
        call(callId);
        acd.offerAnswered(callId, record(callId).agentId());
        clock.advance(talk);
        acd.callEnded(callId, "caller");
    }
}
