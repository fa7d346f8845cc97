package org.switchboard.web.internal.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request's JSON object, read field by field. Every problem is a 400 that names the field: not JSON at all
 * ({@code body}), a field of the wrong type, a required field missing or blank, a field the route does not know.
 */
public final class JsonBody {
    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    /** An empty body is an empty object. */
    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonNodeFactory.instance.objectNode());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badField("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badField("body", "must be a JSON object");
        }
        return new JsonBody(object);
    }

    /** Refuses fields other than these (a misspelt field would otherwise be silently ignored). */
    public JsonBody allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badField(name, "unknown field; expected one of " + List.of(fields));
            }
        }
        return this;
    }

    public boolean has(String field) {
        return object.hasNonNull(field);
    }

    /** A required, non-blank string, trimmed. */
    public String text(String field) {
        String value = optionalText(field);
        if (value == null || value.isBlank()) {
            throw ApiException.badField(field, "is required");
        }
        return value.trim();
    }

    /** A string, or {@code null} when absent or null. */
    public String optionalText(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badField(field, "must be a string");
        }
        return node.asText();
    }

    /** An array of non-blank strings; empty when absent. */
    public List<String> textList(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badField(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw ApiException.badField(field, "must be an array of non-blank strings");
            }
            values.add(item.asText().trim());
        }
        return values;
    }

    /**
     * Every field as text, for configuration: strings as they are, numbers and booleans as written, arrays joined
     * with ", ". Objects and nulls are refused.
     */
    public Map<String, String> fieldsAsText() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode node = field.getValue();
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : node) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw ApiException.badField(field.getKey(), "must be an array of plain values");
                    }
                    items.add(item.asText());
                }
                values.put(field.getKey(), String.join(", ", items));
            } else if (node.isValueNode() && !node.isNull()) {
                values.put(field.getKey(), node.asText());
            } else {
                throw ApiException.badField(field.getKey(), "must be a string, number, boolean or array");
            }
        }
        return values;
    }
}
