package org.switchboard.media.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.switchboard.api.media.AudioTap;

/**
 * The sum of what some legs receive, as one leg hears it ({@link RtpLeg#hearMix}): a tap on each source fills a
 * buffer of its own, and the pacing thread takes one frame of each every 20 ms and adds them up, clipped to
 * 16 bits.
 */
final class AudioMix implements AutoCloseable {
    private final List<RtpLeg> sources;
    private final List<ReceivedAudioBuffer> buffers = new ArrayList<>();
    private final List<AudioTap.Registration> taps = new ArrayList<>();
    /** The pacing thread's sum buffer. */
    private final int[] sum = new int[Codec.FRAME_SAMPLES];

    AudioMix(List<RtpLeg> sources) {
        this.sources = List.copyOf(sources);
        for (RtpLeg source : sources) {
            ReceivedAudioBuffer buffer = new ReceivedAudioBuffer();
            buffers.add(buffer);
            taps.add(source.tapReceived(buffer));
        }
    }

    List<RtpLeg> sources() {
        return sources;
    }

    /** Fills {@code frame} with the next mixed frame (silence when no source has one); pacing thread only. */
    void next(short[] frame) {
        Arrays.fill(sum, 0);
        for (ReceivedAudioBuffer buffer : buffers) {
            buffer.addNextFrameTo(sum);
        }
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
        }
    }

    /** Stops listening to the sources. */
    @Override
    public void close() {
        taps.forEach(AudioTap.Registration::remove);
    }
}
