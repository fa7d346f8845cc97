package org.switchboard.recording;

/**
 * A stretch of a recording that was paused (for example while the caller gave a card number) and holds silence.
 *
 * @param fromMillis where it starts, in milliseconds from the start of the recording
 * @param toMillis   where it ends, in milliseconds from the start of the recording
 * @param by         who paused it ("agent 1001", "shell karaf"), or empty
 */
public record PausedInterval(long fromMillis, long toMillis, String by) {

    public PausedInterval {
        if (fromMillis < 0 || toMillis < fromMillis) {
            throw new IllegalArgumentException("not an interval: " + fromMillis + ".." + toMillis + " ms");
        }
        by = by == null ? "" : by;
    }

    public long lengthMillis() {
        return toMillis - fromMillis;
    }
}
