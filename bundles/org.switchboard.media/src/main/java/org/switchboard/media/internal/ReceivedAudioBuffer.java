package org.switchboard.media.internal;

import org.switchboard.api.media.AudioTap;

/**
 * What one leg receives, waiting for the pacing thread to mix it into another leg's frame. The receive thread
 * writes, the pacing thread takes whole frames. It holds at most {@link #MAX_SAMPLES}: when the sender's clock
 * runs ahead of ours, or the leg it feeds does not send yet, the oldest samples are dropped, so what is mixed is
 * never more than that late. A backlog that a burst left behind would otherwise stay for the rest of the call
 * (sender and mix run at the same rate): when a whole frame or more stayed queued at every take for
 * {@link #DRAIN_AFTER_TAKES} takes, one frame is dropped.
 */
final class ReceivedAudioBuffer implements AudioTap {
    /** 60 ms: enough for a packet that arrives just after a tick, little enough not to be heard as delay. */
    static final int MAX_SAMPLES = 3 * Codec.FRAME_SAMPLES;
    /** One second of takes. */
    static final int DRAIN_AFTER_TAKES = 50;

    private final short[] ring = new short[MAX_SAMPLES];
    private int start;
    private int size;
    private int takes;
    /** The least that stayed queued after a take since the last drain check. */
    private int leastLeft = Integer.MAX_VALUE;

    @Override
    public synchronized void frame(short[] samples, long receivedNanos) {
        int from = Math.max(0, samples.length - MAX_SAMPLES);
        int count = samples.length - from;
        int overflow = size + count - MAX_SAMPLES;
        if (overflow > 0) {
            start = (start + overflow) % MAX_SAMPLES;
            size -= overflow;
        }
        for (int i = 0; i < count; i++) {
            ring[(start + size + i) % MAX_SAMPLES] = samples[from + i];
        }
        size += count;
    }

    /**
     * Adds the next {@code mix.length} samples to {@code mix} and takes them out; adds nothing (silence) when fewer
     * are waiting, so that a late packet is heard late rather than cut in two.
     */
    synchronized void addNextFrameTo(int[] mix) {
        if (size >= mix.length) {
            for (int i = 0; i < mix.length; i++) {
                mix[i] += ring[(start + i) % MAX_SAMPLES];
            }
            skip(mix.length);
        }
        leastLeft = Math.min(leastLeft, size);
        if (++takes == DRAIN_AFTER_TAKES) {
            if (leastLeft >= Codec.FRAME_SAMPLES) {
                skip(Codec.FRAME_SAMPLES);
            }
            takes = 0;
            leastLeft = Integer.MAX_VALUE;
        }
    }

    private void skip(int samples) {
        start = (start + samples) % MAX_SAMPLES;
        size -= samples;
    }

    synchronized int buffered() {
        return size;
    }
}
