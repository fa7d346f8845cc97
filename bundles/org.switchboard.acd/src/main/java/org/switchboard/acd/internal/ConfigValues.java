package org.switchboard.acd.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Typed, validated reading of a Config Admin dictionary. Values from {@code .cfg} files arrive as strings;
 * values set through the Config Admin API may arrive typed. Every problem is reported with its key.
 */
final class ConfigValues {
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

    int positiveInt(String key, int fallback) throws SettingsException {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key, "'" + value + "' is not a whole number");
        }
        if (parsed <= 0) {
            throw new SettingsException(key, "must be greater than zero, was " + parsed);
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
}
