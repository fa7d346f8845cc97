package org.switchboard.ivr.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The settings of configuration {@code org.switchboard.ivr}.
 *
 * @param flowDirectory the folder of the flow files
 * @param poll          how often the folder is looked at for changed files
 */
record IvrSettings(Path flowDirectory, Duration poll) {

    static final String PID = "org.switchboard.ivr";
    static final String KARAF_ETC = "${karaf.etc}";
    static final int DEFAULT_POLL_SECONDS = 2;

    /**
     * Reads the settings; {@code systemProperty} resolves {@code karaf.etc} (in the default folder and in a
     * {@code ${karaf.etc}} not replaced by Config Admin) and {@code karaf.base} (what relative folders are
     * relative to).
     *
     * @throws IllegalArgumentException naming the key and the reason
     */
    static IvrSettings from(Map<String, ?> properties, UnaryOperator<String> systemProperty) {
        return new IvrSettings(directory(properties.get("flowDirectory"), systemProperty),
                Duration.ofSeconds(pollSeconds(properties.get("pollSeconds"))));
    }

    private static Path directory(Object value, UnaryOperator<String> systemProperty) {
        String etc = systemProperty.apply("karaf.etc");
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            text = etc == null ? "etc/ivr" : etc + "/ivr";
        } else if (text.contains(KARAF_ETC)) {
            if (etc == null) {
                throw new IllegalArgumentException("flowDirectory: '" + text + "' uses " + KARAF_ETC
                        + " but the system property karaf.etc is not set");
            }
            text = text.replace(KARAF_ETC, etc);
        }
        try {
            Path path = Path.of(text);
            if (!path.isAbsolute()) {
                String base = systemProperty.apply("karaf.base");
                path = base == null ? path.toAbsolutePath() : Path.of(base).resolve(path);
            }
            return path.normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("flowDirectory: '" + text + "' is not a usable path: "
                    + e.getReason());
        }
    }

    private static int pollSeconds(Object value) {
        if (value == null || value.toString().isBlank()) {
            return DEFAULT_POLL_SECONDS;
        }
        int seconds;
        if (value instanceof Number number) {
            seconds = number.intValue();
        } else {
            try {
                seconds = Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pollSeconds: '" + value + "' is not a whole number");
            }
        }
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("pollSeconds: must be 1..3600, was " + seconds);
        }
        return seconds;
    }
}
