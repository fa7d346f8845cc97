package org.switchboard.media.internal;

/** Audio a leg plays, one 20 ms frame at a time. Used by the pacing thread only. */
interface AudioSource {

    /**
     * Writes the next frame into {@code frame} ({@link Codec#FRAME_SAMPLES} samples, the end of the last frame
     * padded with silence).
     *
     * @return false when everything was played (then {@code frame} is not written)
     */
    boolean next(short[] frame);
}
