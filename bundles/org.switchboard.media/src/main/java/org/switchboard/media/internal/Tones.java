package org.switchboard.media.internal;

/** Tones the server generates rather than reads from files. */
final class Tones {
    static final int RINGBACK_HZ = 425;
    static final int RINGBACK_ON_MILLIS = 1000;
    static final int RINGBACK_OFF_MILLIS = 4000;
    /** About -12 dBFS, the level of a ringback tone heard on a phone. */
    private static final double AMPLITUDE = 8000;

    private final short[] ringbackCycle;

    Tones() {
        int on = Codec.CLOCK_RATE * RINGBACK_ON_MILLIS / 1000;
        int off = Codec.CLOCK_RATE * RINGBACK_OFF_MILLIS / 1000;
        ringbackCycle = new short[on + off];
        for (int i = 0; i < on; i++) {
            ringbackCycle[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * RINGBACK_HZ * i / Codec.CLOCK_RATE));
        }
    }

    /** One cycle of the ringback cadence: 1 s of 425 Hz, then 4 s of silence. Shared; never written. */
    short[] ringbackCycle() {
        return ringbackCycle;
    }
}
