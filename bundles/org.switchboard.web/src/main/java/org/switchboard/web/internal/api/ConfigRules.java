package org.switchboard.web.internal.api;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.switchboard.web.internal.http.ApiException;

/**
 * The keys of a queue's or an agent's configuration the console may write, each with its rule: the same rules the
 * distributor applies when it reads the file, checked before anything is written, so that a request with one bad
 * value changes nothing. A rule answers {@code null} when the value is good, else the reason.
 */
final class ConfigRules {
    private static final String NAME = "[A-Za-z0-9_.-]+";

    private final Map<String, UnaryOperator<String>> rules;
    private final Set<String> fixed;

    private ConfigRules(Map<String, UnaryOperator<String>> rules, Set<String> fixed) {
        this.rules = rules;
        this.fixed = fixed;
    }

    static final ConfigRules QUEUE = queueRules();
    static final ConfigRules AGENT = agentRules();

    private static ConfigRules queueRules() {
        Map<String, UnaryOperator<String>> rules = new LinkedHashMap<>();
        rules.put("name", ConfigRules::name);
        rules.put("numbers", value -> list(value, "[0-9*#+]+", "a dialable number", false));
        rules.put("strategy", ConfigRules::name);
        rules.put("fallbackStrategy", ConfigRules::name);
        rules.put("strategyBudgetMillis", value -> wholeNumber(value, 1, 10_000));
        rules.put("priority", value -> wholeNumber(value, 0, 1_000_000));
        rules.put("requiredSkills", value -> levels(value, 1, 10));
        rules.put("maxWaitSeconds", value -> wholeNumber(value, 1, 86_400));
        rules.put("overflowQueue", ConfigRules::optionalName);
        rules.put("ringTimeoutSeconds", value -> wholeNumber(value, 1, 3600));
        rules.put("maxNoAnswers", value -> wholeNumber(value, 1, 1000));
        rules.put("wrapUpSeconds", value -> wholeNumber(value, 0, 86_400));
        rules.put("serviceLevelSeconds", value -> wholeNumber(value, 1, 86_400));
        rules.put("surveyFlow", ConfigRules::optionalName);
        return new ConfigRules(rules, Set.of("name"));
    }

    private static ConfigRules agentRules() {
        Map<String, UnaryOperator<String>> rules = new LinkedHashMap<>();
        rules.put("id", ConfigRules::name);
        rules.put("name", value -> value.isBlank() ? "is required" : null);
        rules.put("phone", value -> value.matches("[A-Za-z0-9_.+-]+") ? null : "'" + value
                + "' is not a valid SIP user");
        rules.put("password", value -> value.length() >= 4 ? null : "must have at least 4 characters");
        rules.put("skills", value -> levels(value, 1, 10));
        rules.put("queues", value -> levels(value, 1, 99));
        rules.put("maxNoAnswers", value -> value.isBlank() ? null : wholeNumber(value, 1, 1000));
        return new ConfigRules(rules, Set.of("id"));
    }

    /**
     * The changes, checked: 400 naming the first key that is unknown, fixed (the name a file is found by) and
     * different, or bad.
     */
    Map<String, String> check(Map<String, String> changes, Map<String, String> current) {
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String key = change.getKey();
            String value = change.getValue().trim();
            UnaryOperator<String> rule = rules.get(key);
            if (rule == null) {
                throw ApiException.badField(key, "unknown key; expected one of " + rules.keySet());
            }
            if (fixed.contains(key) && !value.equals(current.get(key))) {
                throw ApiException.badField(key, "cannot be changed (it names the file)");
            }
            String problem = rule.apply(value);
            if (problem != null) {
                throw ApiException.badField(key, problem);
            }
        }
        if (changes.containsKey("overflowQueue") && changes.get("overflowQueue").trim().equals(current.get("name"))) {
            throw ApiException.badField("overflowQueue", "a queue cannot overflow into itself");
        }
        Map<String, String> trimmed = new LinkedHashMap<>();
        changes.forEach((key, value) -> trimmed.put(key, value.trim()));
        return trimmed;
    }

    private static String name(String value) {
        return value.matches(NAME) ? null : "'" + value + "' may only use letters, digits, '.', '_' and '-'";
    }

    private static String optionalName(String value) {
        return value.isEmpty() ? null : name(value);
    }

    private static String wholeNumber(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            return number >= min && number <= max ? null : "must lie within " + min + ".." + max + ", was " + number;
        } catch (NumberFormatException e) {
            return "'" + value + "' is not a whole number";
        }
    }

    private static String list(String value, String itemPattern, String what, boolean mayBeEmpty) {
        String[] items = value.split(",");
        int count = 0;
        for (String item : items) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            count++;
            if (!trimmed.matches(itemPattern)) {
                return "'" + trimmed + "' is not " + what;
            }
        }
        return count == 0 && !mayBeEmpty ? "needs at least one value" : null;
    }

    /** name:number pairs, e.g. billing:7, english:9. */
    private static String levels(String value, int min, int max) {
        Set<String> seen = new HashSet<>();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(":", -1);
            if (parts.length > 2 || !parts[0].trim().matches(NAME)) {
                return "'" + trimmed + "' is not name:number";
            }
            if (parts.length == 2) {
                String problem = wholeNumber(parts[1].trim(), min, max);
                if (problem != null) {
                    return "'" + trimmed + "': " + problem;
                }
            }
            if (!seen.add(parts[0].trim())) {
                return "'" + parts[0].trim() + "' is given twice";
            }
        }
        return null;
    }
}
