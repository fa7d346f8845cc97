package org.switchboard.recording.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.switchboard.api.media.AudioTap;

/**
 * The frames one leg received that the mixer has not taken yet. The media's receive thread offers frames and is
 * never blocked: when the queue is full the frame is dropped and counted. The mixer takes 20 ms at every tick;
 * when a burst leaves more than {@link #MAX_DEPTH} frames waiting, the oldest are dropped so that the delay of this
 * side stays small and both channels stay aligned.
 */
final class SideQueue implements AudioTap {
    static final int FRAME = 160;
    /** One second of 20 ms frames. */
    private static final int CAPACITY = 50;
    /** 100 ms: more waiting than that is a burst after a stall, not jitter. */
    private static final int MAX_DEPTH = 5;

    private final ArrayBlockingQueue<short[]> frames = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped;
    // the mixer thread's: the frame being taken and how far
    private short[] current;
    private int offset;

    SideQueue(AtomicLong dropped) {
        this.dropped = dropped;
    }

    @Override
    public void frame(short[] samples, long receivedNanos) {
        if (!frames.offer(samples)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Adds the next 20 ms of this side to {@code mix}; what has not arrived adds nothing (silence). With
     * {@code mix == null} the samples are taken and thrown away (a paused recording).
     */
    void takeFrame(int[] mix) {
        while (frames.size() > MAX_DEPTH) {
            if (frames.poll() != null) {
                dropped.incrementAndGet();
            }
        }
        int filled = 0;
        while (filled < FRAME) {
            if (current == null || offset >= current.length) {
                current = frames.poll();
                offset = 0;
                if (current == null) {
                    return;
                }
            }
            int count = Math.min(FRAME - filled, current.length - offset);
            if (mix != null) {
                for (int i = 0; i < count; i++) {
                    mix[filled + i] += current[offset + i];
                }
            }
            filled += count;
            offset += count;
        }
    }
}
