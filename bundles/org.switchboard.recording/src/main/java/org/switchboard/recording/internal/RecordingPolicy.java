package org.switchboard.recording.internal;

import java.util.function.DoubleSupplier;

/** Which calls of a queue are recorded: all, none, or a share of them chosen at random. */
record RecordingPolicy(int percent) {

    static final RecordingPolicy ALL = new RecordingPolicy(100);
    static final RecordingPolicy NONE = new RecordingPolicy(0);

    RecordingPolicy {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100, not " + percent);
        }
    }

    /** {@code all}, {@code none} or {@code percent:N} (N from 0 to 100). */
    static RecordingPolicy parse(String text) {
        String value = text.trim().toLowerCase();
        if (value.equals("all")) {
            return ALL;
        }
        if (value.equals("none")) {
            return NONE;
        }
        if (value.startsWith("percent:")) {
            try {
                return new RecordingPolicy(Integer.parseInt(value.substring("percent:".length()).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not percent:N with a whole number N");
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not all, none or percent:N");
    }

    /** @param random a number in [0, 1) drawn for this call */
    boolean records(DoubleSupplier random) {
        return percent == 100 || (percent > 0 && random.getAsDouble() * 100 < percent);
    }

    @Override
    public String toString() {
        return percent == 100 ? "all" : percent == 0 ? "none" : "percent:" + percent;
    }
}
