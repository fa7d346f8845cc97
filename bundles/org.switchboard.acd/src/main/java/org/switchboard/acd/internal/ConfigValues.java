package org.switchboard.acd.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, validated reading of a Config Admin dictionary. Values from {@code .cfg} files arrive as strings;
 * values set through the Config Admin API may arrive typed. Every problem is reported with its key.
 */
final class ConfigValues {
    private static final String NAME = "[A-Za-z0-9_.-]+";

    private final Map<String, ?> values;

    ConfigValues(Map<String, ?> values) {
        this.values = values;
    }

    String requiredString(String key) throws SettingsException {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new SettingsException(key, "is required");
        }
        return value.toString().trim();
    }

    String optionalString(String key, String fallback) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** A name of a queue, agent, strategy or skill: letters, digits, '.', '_' and '-'. */
    String name(String key, String fallback) throws SettingsException {
        String name = fallback == null ? requiredString(key) : optionalString(key, fallback);
        checkName(key, name);
        return name;
    }

    int positiveInt(String key, int fallback) throws SettingsException {
        return intAtLeast(key, fallback, 1);
    }

    int intAtLeast(String key, int fallback, int minimum) throws SettingsException {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        int parsed = parseInt(key, value);
        if (parsed < minimum) {
            throw new SettingsException(key, "must be at least " + minimum + ", was " + parsed);
        }
        return parsed;
    }

    /** A list given as an array, a collection, or one comma-separated string; blanks dropped. */
    List<String> list(String key) {
        Object value = values.get(key);
        List<String> raw = new ArrayList<>();
        if (value instanceof Object[] array) {
            Arrays.stream(array).map(String::valueOf).forEach(raw::add);
        } else if (value instanceof Collection<?> collection) {
            collection.stream().map(String::valueOf).forEach(raw::add);
        } else if (value != null) {
            raw.addAll(Arrays.asList(value.toString().split(",")));
        }
        return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    List<String> requiredList(String key) throws SettingsException {
        List<String> list = list(key);
        if (list.isEmpty()) {
            throw new SettingsException(key, "needs at least one value");
        }
        return list;
    }

    /**
     * Pairs {@code name:number} separated by commas, e.g. {@code billing:7, english:9}; a name without a number
     * gets {@code defaultNumber}. Numbers must lie within {@code min..max}.
     */
    Map<String, Integer> levels(String key, int defaultNumber, int min, int max) throws SettingsException {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String item : list(key)) {
            String[] parts = item.split(":", -1);
            if (parts.length > 2) {
                throw new SettingsException(key, "'" + item + "' is not name:number");
            }
            String name = parts[0].trim();
            checkName(key, name);
            int number = parts.length == 1 ? defaultNumber : parseInt(key, parts[1].trim());
            if (number < min || number > max) {
                throw new SettingsException(key, "'" + item + "': " + number + " is outside " + min + ".." + max);
            }
            if (levels.put(name, number) != null) {
                throw new SettingsException(key, "'" + name + "' is given twice");
            }
        }
        return levels;
    }

    static void checkName(String key, String name) throws SettingsException {
        if (!name.matches(NAME)) {
            throw new SettingsException(key, "'" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
    }

    private static int parseInt(String key, Object value) throws SettingsException {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key, "'" + value + "' is not a whole number");
        }
    }
}
