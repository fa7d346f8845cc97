package org.switchboard.routing.strategy.previousagent.internal;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of the previous-agent strategy, from configuration {@value #PID}.
 *
 * @param waitForPreviousAgent how long a known caller waits for the agent who served them last
 * @param otherwise            the strategy that decides when the previous agent does not take the call
 */
record PreviousAgentSettings(Duration waitForPreviousAgent, String otherwise) {
    static final String PID = "org.switchboard.routing.previousagent";
    static final int MAX_WAIT_SECONDS = 3600;
    static final PreviousAgentSettings DEFAULTS = new PreviousAgentSettings(Duration.ofSeconds(20), "longest-idle");

    private static final Pattern STRATEGY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * Reads the settings; a missing key keeps its default.
     *
     * @throws IllegalArgumentException naming the key and the reason, when a value is not acceptable
     */
    static PreviousAgentSettings from(Map<String, ?> properties) {
        Duration wait = DEFAULTS.waitForPreviousAgent();
        Object seconds = properties.get("waitForPreviousAgentSeconds");
        if (seconds != null && !seconds.toString().isBlank()) {
            wait = Duration.ofSeconds(seconds(seconds.toString().trim()));
        }
        String otherwise = DEFAULTS.otherwise();
        Object name = properties.get("otherwise");
        if (name != null && !name.toString().isBlank()) {
            otherwise = name.toString().trim();
            if (!STRATEGY_NAME.matcher(otherwise).matches()) {
                throw new IllegalArgumentException("otherwise: '" + otherwise + "' is not a strategy name");
            }
            if (otherwise.equals(PreviousAgentStrategy.NAME)) {
                throw new IllegalArgumentException("otherwise: must name another strategy than "
                        + PreviousAgentStrategy.NAME);
            }
        }
        return new PreviousAgentSettings(wait, otherwise);
    }

    private static long seconds(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("waitForPreviousAgentSeconds: '" + value + "' is not a whole number of "
                    + "seconds");
        }
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("waitForPreviousAgentSeconds: " + seconds + " is outside 0.."
                    + MAX_WAIT_SECONDS);
        }
        return seconds;
    }
}
