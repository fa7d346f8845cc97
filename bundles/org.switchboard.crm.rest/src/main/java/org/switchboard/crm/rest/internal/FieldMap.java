package org.switchboard.crm.rest.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where each field of a record sits in the CRM's JSON: a dotted path of object keys, e.g. {@code profile.tier}.
 * A field not configured sits at its default path, else under its own name.
 */
final class FieldMap {
    private static final Pattern PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private final Map<String, List<String>> paths;

    private FieldMap(Map<String, List<String>> paths) {
        this.paths = Map.copyOf(paths);
    }

    /** Every field under its own name. */
    static FieldMap identity() {
        return new FieldMap(Map.of());
    }

    /**
     * Reads the keys {@code prefix + field} of the configuration.
     *
     * @param defaults paths of fields that do not sit under their own name unless configured
     * @throws IllegalArgumentException naming the key and the reason
     */
    static FieldMap from(Map<String, ?> properties, String prefix, List<String> fields, Map<String, String> defaults) {
        Map<String, List<String>> paths = new HashMap<>();
        defaults.forEach((field, path) -> paths.put(field, List.of(path.split("\\."))));
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            if (!entry.getKey().startsWith(prefix) || entry.getValue() == null) {
                continue;
            }
            String field = entry.getKey().substring(prefix.length());
            if (!fields.contains(field)) {
                throw new IllegalArgumentException(entry.getKey() + ": unknown field; known are "
                        + String.join(", ", new TreeSet<>(fields)));
            }
            String path = entry.getValue().toString().trim();
            if (path.isEmpty()) {
                continue;
            }
            if (!PATH.matcher(path).matches()) {
                throw new IllegalArgumentException(entry.getKey() + ": '" + path + "' is not a dotted path");
            }
            paths.put(field, List.of(path.split("\\.")));
        }
        return new FieldMap(paths);
    }

    /** The field's value, or a missing node. */
    JsonNode get(JsonNode object, String field) {
        JsonNode node = object;
        for (String key : pathOf(field)) {
            node = node == null || !node.isObject() ? null : node.get(key);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Puts the value at the field's path, creating the objects on the way. */
    void put(ObjectNode object, String field, JsonNode value) {
        List<String> path = pathOf(field);
        ObjectNode parent = object;
        for (String key : path.subList(0, path.size() - 1)) {
            JsonNode next = parent.get(key);
            parent = next instanceof ObjectNode existing ? existing : parent.putObject(key);
        }
        parent.set(path.get(path.size() - 1), value);
    }

    private List<String> pathOf(String field) {
        return paths.getOrDefault(field, List.of(field));
    }
}
