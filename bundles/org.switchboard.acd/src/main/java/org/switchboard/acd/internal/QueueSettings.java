package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue (skill group) as its configuration defines it.
 *
 * @param name             the queue's name, used by agents when they log in
 * @param numbers          service numbers that lead callers into this queue
 * @param strategy         the routing strategy that chooses the agent
 * @param fallbackStrategy the strategy that decides when {@code strategy} is missing, throws or is too slow
 * @param strategyBudget   how long a strategy may take for one decision
 * @param priority         priority of this queue's calls; higher is served first by agents of several queues
 * @param maxWait          how long a caller waits before the call overflows or is released as no-agent
 * @param overflowQueue    where calls go after {@code maxWait} (or at once when nobody is logged in), if anywhere
 * @param ringTimeout      how long an agent's phone rings before the call goes back to the queue
 * @param maxNoAnswers     offers an agent may leave unanswered in a row before being paused
 * @param wrapUp           time an agent spends in wrap-up after a call of this queue
 * @param serviceLevel     answer-time threshold of the queue's service level
 * @param requiredSkills   skills and minimum levels an agent needs to be offered this queue's calls
 * @param surveyFlow       the IVR flow that surveys callers after an answered call of this queue, if any
 */
record QueueSettings(String name, List<String> numbers, String strategy, String fallbackStrategy,
        Duration strategyBudget, int priority, Duration maxWait, Optional<String> overflowQueue, Duration ringTimeout,
        int maxNoAnswers, Duration wrapUp, Duration serviceLevel, Map<String, Integer> requiredSkills,
        Optional<String> surveyFlow) {

    static final String PID = "org.switchboard.acd.queue";
    static final String DEFAULT_STRATEGY = "longest-idle";

    QueueSettings {
        numbers = List.copyOf(numbers);
        requiredSkills = Map.copyOf(requiredSkills);
        Objects.requireNonNull(surveyFlow, "surveyFlow");
    }

    /** A queue with defaults for everything but its name, numbers and timers (for tests). */
    static QueueSettings of(String name, List<String> numbers, Duration maxWait, Duration ringTimeout,
            int maxNoAnswers) {
        return new QueueSettings(name, numbers, DEFAULT_STRATEGY, DEFAULT_STRATEGY, Duration.ofMillis(50), 0,
                maxWait, Optional.empty(), ringTimeout, maxNoAnswers, Duration.ZERO, Duration.ofSeconds(20),
                Map.of(), Optional.empty());
    }

    QueueSettings withStrategy(String newStrategy) {
        return new QueueSettings(name, numbers, newStrategy, fallbackStrategy, strategyBudget, priority, maxWait,
                overflowQueue, ringTimeout, maxNoAnswers, wrapUp, serviceLevel, requiredSkills, surveyFlow);
    }

    QueueSettings withOverflow(String queue) {
        return new QueueSettings(name, numbers, strategy, fallbackStrategy, strategyBudget, priority, maxWait,
                Optional.of(queue), ringTimeout, maxNoAnswers, wrapUp, serviceLevel, requiredSkills, surveyFlow);
    }

    QueueSettings withWrapUp(Duration newWrapUp) {
        return new QueueSettings(name, numbers, strategy, fallbackStrategy, strategyBudget, priority, maxWait,
                overflowQueue, ringTimeout, maxNoAnswers, newWrapUp, serviceLevel, requiredSkills, surveyFlow);
    }

    QueueSettings withPriority(int newPriority) {
        return new QueueSettings(name, numbers, strategy, fallbackStrategy, strategyBudget, newPriority, maxWait,
                overflowQueue, ringTimeout, maxNoAnswers, wrapUp, serviceLevel, requiredSkills, surveyFlow);
    }

    QueueSettings withRequiredSkills(Map<String, Integer> skills) {
        return new QueueSettings(name, numbers, strategy, fallbackStrategy, strategyBudget, priority, maxWait,
                overflowQueue, ringTimeout, maxNoAnswers, wrapUp, serviceLevel, skills, surveyFlow);
    }

    QueueSettings withSurveyFlow(String flow) {
        return new QueueSettings(name, numbers, strategy, fallbackStrategy, strategyBudget, priority, maxWait,
                overflowQueue, ringTimeout, maxNoAnswers, wrapUp, serviceLevel, requiredSkills, Optional.of(flow));
    }

    static QueueSettings from(Map<String, ?> properties) throws SettingsException {
        ConfigValues values = new ConfigValues(properties);
        String name = values.name("name", null);
        List<String> numbers = values.requiredList("numbers");
        for (String number : numbers) {
            if (!number.matches("[0-9*#+]+")) {
                throw new SettingsException("numbers", "'" + number + "' is not a dialable number");
            }
        }
        Optional<String> overflow = Optional.ofNullable(values.optionalString("overflowQueue", null));
        if (overflow.isPresent()) {
            ConfigValues.checkName("overflowQueue", overflow.get());
            if (overflow.get().equals(name)) {
                throw new SettingsException("overflowQueue", "a queue cannot overflow into itself");
            }
        }
        Optional<String> surveyFlow = Optional.ofNullable(values.optionalString("surveyFlow", null));
        if (surveyFlow.isPresent()) {
            ConfigValues.checkName("surveyFlow", surveyFlow.get());
        }
        return new QueueSettings(name, numbers,
                values.name("strategy", DEFAULT_STRATEGY),
                values.name("fallbackStrategy", DEFAULT_STRATEGY),
                Duration.ofMillis(values.positiveInt("strategyBudgetMillis", 50)),
                values.intAtLeast("priority", 0, 0),
                Duration.ofSeconds(values.positiveInt("maxWaitSeconds", 120)),
                overflow,
                Duration.ofSeconds(values.positiveInt("ringTimeoutSeconds", 20)),
                values.positiveInt("maxNoAnswers", 3),
                Duration.ofSeconds(values.intAtLeast("wrapUpSeconds", 0, 0)),
                Duration.ofSeconds(values.positiveInt("serviceLevelSeconds", 20)),
                values.levels("requiredSkills", 1, 1, 10),
                surveyFlow);
    }
}
