package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A queue as its configuration defines it.
 *
 * @param name          the queue's name, used by agents when they log in
 * @param numbers       service numbers that lead callers into this queue
 * @param maxWait       how long a caller waits before the call is released as no-agent
 * @param ringTimeout   how long an agent's phone rings before the call goes back to the queue
 * @param maxNoAnswers  offers an agent may leave unanswered in a row before being paused
 */
record QueueSettings(String name, List<String> numbers, Duration maxWait, Duration ringTimeout, int maxNoAnswers) {

    static final String PID = "org.switchboard.acd.queue";

    QueueSettings {
        numbers = List.copyOf(numbers);
    }

    static QueueSettings from(Map<String, ?> properties) throws SettingsException {
        ConfigValues values = new ConfigValues(properties);
        String name = values.requiredString("name");
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new SettingsException("name", "'" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
        List<String> numbers = values.requiredList("numbers");
        for (String number : numbers) {
            if (!number.matches("[0-9*#+]+")) {
                throw new SettingsException("numbers", "'" + number + "' is not a dialable number");
            }
        }
        return new QueueSettings(name, numbers,
                Duration.ofSeconds(values.positiveInt("maxWaitSeconds", 120)),
                Duration.ofSeconds(values.positiveInt("ringTimeoutSeconds", 20)),
                values.positiveInt("maxNoAnswers", 3));
    }
}
