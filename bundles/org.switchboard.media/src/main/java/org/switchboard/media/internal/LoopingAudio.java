package org.switchboard.media.internal;

/** The same samples over and over (music on hold, the ringback cadence); silence forever when there are none. */
final class LoopingAudio implements AudioSource {
    private final short[] samples;
    private int position;

    LoopingAudio(short[] samples) {
        this.samples = samples;
    }

    @Override
    public boolean next(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            if (samples.length == 0) {
                frame[i] = 0;
                continue;
            }
            frame[i] = samples[position];
            position = (position + 1) % samples.length;
        }
        return true;
    }
}
