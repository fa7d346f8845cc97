package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;

import org.junit.Test;

public class ReceivedAudioBufferTest {
    private final ReceivedAudioBuffer buffer = new ReceivedAudioBuffer();

    @Test
    public void framesAreAddedToTheMixInTheOrderTheyArrived() {
        buffer.frame(frameOf(100), 0);
        buffer.frame(frameOf(200), 0);
        int[] mix = new int[Codec.FRAME_SAMPLES];
        Arrays.fill(mix, 5);
        buffer.addNextFrameTo(mix);
        assertEquals(105, mix[0]);
        buffer.addNextFrameTo(mix);
        assertEquals(305, mix[Codec.FRAME_SAMPLES - 1]);
        assertEquals(0, buffer.buffered());
    }

    @Test
    public void lessThanAFrameAddsNothingAndWaitsForTheRest() {
        buffer.frame(new short[] { 7, 7, 7 }, 0);
        int[] mix = new int[Codec.FRAME_SAMPLES];
        buffer.addNextFrameTo(mix);
        assertArrayEquals(new int[Codec.FRAME_SAMPLES], mix);
        assertEquals(3, buffer.buffered());
    }

    @Test
    public void aSourceAheadOfTheMixLosesItsOldestAudioNotItsNewest() {
        for (int frame = 1; frame <= 5; frame++) {
            buffer.frame(frameOf(frame), 0);
        }
        assertEquals(ReceivedAudioBuffer.MAX_SAMPLES, buffer.buffered());
        int[] mix = new int[Codec.FRAME_SAMPLES];
        buffer.addNextFrameTo(mix);
        assertEquals("frames 1 and 2 dropped", 3, mix[0]);
    }

    @Test
    public void aBacklogThatABurstLeftIsDrainedAFrameAtATimeWhileTheSenderKeepsPace() {
        int[] mix = new int[Codec.FRAME_SAMPLES];
        buffer.frame(frameOf(1), 0); // one frame ahead, for ever if nothing drains it
        for (int take = 0; take < 2 * ReceivedAudioBuffer.DRAIN_AFTER_TAKES; take++) {
            buffer.frame(frameOf(1), 0);
            buffer.addNextFrameTo(mix);
        }
        assertEquals("the frame of backlog is gone", 0, buffer.buffered());
    }

    @Test
    public void aSenderThatOnlyJittersKeepsEveryFrame() {
        int[] mix = new int[Codec.FRAME_SAMPLES];
        int taken = 0;
        for (int take = 0; take < 3 * ReceivedAudioBuffer.DRAIN_AFTER_TAKES; take++) {
            // packets arrive in pairs every other tick: the buffer runs empty every second take
            if (take % 2 == 0) {
                buffer.frame(frameOf(1), 0);
                buffer.frame(frameOf(1), 0);
            }
            Arrays.fill(mix, 0);
            buffer.addNextFrameTo(mix);
            taken += mix[0];
        }
        assertEquals(3 * ReceivedAudioBuffer.DRAIN_AFTER_TAKES, taken);
    }

    private static short[] frameOf(int value) {
        short[] frame = new short[Codec.FRAME_SAMPLES];
        Arrays.fill(frame, (short) value);
        return frame;
    }
}
