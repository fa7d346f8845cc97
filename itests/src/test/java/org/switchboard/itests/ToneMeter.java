package org.switchboard.itests;

/** How much of a stretch of 8 kHz audio is one frequency (Goertzel), for telling test tones apart. */
final class ToneMeter {
    static final int RATE = 8000;
    /** 100 ms: long enough to tell the tones apart, short enough that one lost frame spoils one window only. */
    static final int WINDOW = RATE / 10;

    private ToneMeter() {
    }

    /** Power of {@code hertz} in samples {@code [from, to)}, relative to the stretch's whole power (0..1). */
    static double share(double hertz, short[] samples, int from, int to) {
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
        return total == 0 ? 0 : power / (total * (to - from) / 2);
    }

    /**
     * The share of {@code hertz} in each 100 ms window of {@code [from, to)}, averaged. A frame lost on the way
     * shifts the tone's phase after it; over one long stretch the two sides of that shift can cancel out at the
     * tone's frequency, while here it spoils one window.
     */
    static double meanShare(double hertz, short[] samples, int from, int to) {
        double sum = 0;
        int windows = 0;
        for (int start = from; start + WINDOW <= to; start += WINDOW) {
            sum += share(hertz, samples, start, start + WINDOW);
            windows++;
        }
        return windows == 0 ? 0 : sum / windows;
    }

    /** {@link #meanShare} of µ-law bytes as a phone received them. */
    static double meanShare(double hertz, byte[] muLaw, int from, int to) {
        short[] samples = new short[to - from];
        for (int i = from; i < to; i++) {
            samples[i - from] = AudioEnvelope.decodeMuLaw(muLaw[i]);
        }
        return meanShare(hertz, samples, 0, samples.length);
    }
}
