package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ReceptionStatisticsTest {
    private final ReceptionStatistics statistics = new ReceptionStatistics();

    @Test
    public void gapsInTheSequenceAreCountedAsLost() {
        receive(1, 65533, 0, 0);
        receive(1, 65534, 160, 160);
        receive(1, 1, 480, 480); // 65535 and 0 are missing, across the wrap of the sequence number
        receive(1, 2, 640, 640);
        assertEquals(4, statistics.packetsReceived());
        assertEquals(2, statistics.packetsLost());
    }

    @Test
    public void aPacketThatArrivesLateIsNotLost() {
        receive(1, 10, 0, 0);
        receive(1, 12, 320, 320);
        receive(1, 11, 160, 330);
        assertEquals(0, statistics.packetsLost());
    }

    @Test
    public void aNewSenderStartsANewCountAndKeepsTheLossesBefore() {
        receive(1, 10, 0, 0);
        receive(1, 13, 480, 480);
        receive(2, 5000, 0, 640);
        receive(2, 5001, 160, 800);
        assertEquals(2, statistics.packetsLost());
    }

    @Test
    public void steadyArrivalHasNoJitter() {
        for (int i = 0; i < 50; i++) {
            receive(1, i, 160L * i, 1000 + 160L * i);
        }
        assertEquals(0.0, statistics.jitterMillis(), 0.0);
    }

    @Test
    public void jitterFollowsRfc3550FromTheTransitDifferences() {
        // packets alternately 0 and 80 samples (10 ms) late: |D| = 80 after the first pair
        double expected = 0;
        for (int i = 0; i < 200; i++) {
            receive(1, i, 160L * i, 160L * i + (i % 2 == 0 ? 0 : 80));
            if (i > 0) {
                expected += (80 - expected) / 16;
            }
        }
        assertEquals(expected / 8, statistics.jitterMillis(), 1e-9);
        assertEquals(10.0, statistics.jitterMillis(), 0.01);
    }

    private void receive(long ssrc, int sequence, long timestamp, long arrival) {
        statistics.received(new RtpPacket(false, 0, sequence, timestamp, ssrc, new byte[160]), arrival, true);
    }
}
