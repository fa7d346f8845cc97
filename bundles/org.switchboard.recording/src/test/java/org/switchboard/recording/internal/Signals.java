package org.switchboard.recording.internal;

/** Test audio: tones made frame by frame, and the Goertzel measure of how much of a frequency a signal holds. */
final class Signals {
    static final int RATE = 8000;

    private Signals() {
    }

    /** The {@code index}-th 20 ms frame of a continuous sine tone. */
    static short[] toneFrame(double hertz, int index) {
        short[] frame = new short[160];
        for (int i = 0; i < frame.length; i++) {
            long n = (long) index * frame.length + i;
            frame[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hertz * n / RATE));
        }
        return frame;
    }

    /** A frame whose every sample is {@code value}: marks which frame went where. */
    static short[] constantFrame(int value) {
        short[] frame = new short[160];
        java.util.Arrays.fill(frame, (short) value);
        return frame;
    }

    /** Power of {@code hertz} in {@code samples[from, to)}, relative to the signal's total power (0..1). */
    static double shareOf(double hertz, short[] samples, int from, int to) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / RATE);
        double previous = 0;
        double beforePrevious = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
            total += (double) samples[i] * samples[i];
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        int length = to - from;
        return total == 0 ? 0 : power / (total * length / 2);
    }

    static boolean silent(short[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            if (samples[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
