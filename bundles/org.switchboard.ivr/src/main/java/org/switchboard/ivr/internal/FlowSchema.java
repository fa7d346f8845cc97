package org.switchboard.ivr.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a flow file may contain: the keys of the file, and for each node type its fields, their kinds, whether
 * they are required, their limits and defaults. The reader checks every file against this table and
 * docs/ivr-flows.md describes the same table for operators.
 */
final class FlowSchema {

    /** The kind of value a field holds, and so how it is read and checked. */
    enum Kind {
        /** Free text. */
        TEXT,
        /** A queue name: letters, digits, '.', '_', '-'. */
        NAME,
        /** A variable name: letters, digits, '.', '_', '-'; not starting with the reserved "ivr.". */
        VARIABLE,
        /** The id of another node of the same flow. */
        NODE,
        /** A whole number within the field's limits. */
        WHOLE_NUMBER,
        /** A number of seconds within the field's limits. */
        SECONDS,
        /** true or false. */
        BOOLEAN,
        /** One prompt name or a list of them. */
        PROMPTS,
        /** A list of service numbers (digits, '*', '#', '+'). */
        SERVICE_NUMBERS,
        /** A list of caller numbers, exact or a prefix ending in '*'. */
        CALLER_NUMBERS,
        /** A mapping of variable names to values. */
        VARIABLES,
        /** A mapping of keys (0-9, *, #) to a node id, or to {value, next}. */
        CHOICES,
        /** A mapping of days (mon, mon-fri, ...) to time ranges ("08:00-12:00, 13:00-18:00"). */
        WEEKLY_HOURS,
        /** A list of dates, YYYY-MM-DD. */
        DATES,
        /** A time-zone id such as Europe/Berlin. */
        TIME_ZONE,
        /** One of the field's allowed values. */
        ONE_OF,
        /** The mapping of node ids to nodes. */
        NODES
    }

    /**
     * One field of a node or of the file.
     *
     * @param defaultValue the value when the field is absent (null: none; only for optional fields)
     */
    record Field(String name, Kind kind, boolean required, int min, int max, List<String> allowed,
            Object defaultValue) {

        Field withLimits(int newMin, int newMax) {
            return new Field(name, kind, required, newMin, newMax, allowed, defaultValue);
        }

        Field withDefault(Object value) {
            return new Field(name, kind, required, min, max, allowed, value);
        }
    }

    /** A node type and its fields ("type" itself is implied). */
    record NodeType(String name, Map<String, Field> fields) {
        Optional<Field> field(String fieldName) {
            return Optional.ofNullable(fields.get(fieldName));
        }
    }

    static final String TYPE = "type";

    /** The keys of a flow file. */
    static final Map<String, Field> FILE_FIELDS = fields(
            optional("numbers", Kind.SERVICE_NUMBERS).withDefault(List.of()),
            required("start", Kind.NODE),
            required("nodes", Kind.NODES),
            optional("save", Kind.BOOLEAN).withDefault(false),
            optional("description", Kind.TEXT));

    /** The long form of a menu choice: {value: north, next: q-north}. */
    static final Map<String, Field> CHOICE_FIELDS = fields(
            optional("value", Kind.TEXT),
            required("next", Kind.NODE));

    static final Map<String, NodeType> NODE_TYPES = types(
            type("play",
                    required("prompts", Kind.PROMPTS),
                    required("next", Kind.NODE)),
            type("menu",
                    required("prompts", Kind.PROMPTS),
                    required("choices", Kind.CHOICES),
                    optional("timeout", Kind.SECONDS).withLimits(1, 60).withDefault(Duration.ofSeconds(5)),
                    optional("retries", Kind.WHOLE_NUMBER).withLimits(0, 9).withDefault(2),
                    optional("invalid", Kind.PROMPTS).withDefault(List.of()),
                    optional("variable", Kind.VARIABLE),
                    optional("otherwise", Kind.NODE)),
            type("collect",
                    required("prompts", Kind.PROMPTS),
                    required("variable", Kind.VARIABLE),
                    optional("min", Kind.WHOLE_NUMBER).withLimits(1, 32).withDefault(1),
                    required("max", Kind.WHOLE_NUMBER).withLimits(1, 32),
                    optional("terminator", Kind.ONE_OF, "#", "*"),
                    optional("timeout", Kind.SECONDS).withLimits(1, 60).withDefault(Duration.ofSeconds(5)),
                    optional("retries", Kind.WHOLE_NUMBER).withLimits(0, 9).withDefault(2),
                    optional("invalid", Kind.PROMPTS).withDefault(List.of()),
                    required("next", Kind.NODE),
                    optional("otherwise", Kind.NODE)),
            type("set",
                    required("variables", Kind.VARIABLES),
                    required("next", Kind.NODE)),
            type("hours",
                    required("timezone", Kind.TIME_ZONE),
                    required("open", Kind.WEEKLY_HOURS),
                    optional("holidays", Kind.DATES).withDefault(List.of()),
                    required("then", Kind.NODE),
                    required("closed", Kind.NODE)),
            type("blacklist",
                    required("numbers", Kind.CALLER_NUMBERS),
                    optional("action", Kind.ONE_OF, "reject", "message").withDefault("reject"),
                    optional("status", Kind.ONE_OF, "603", "403").withDefault("603"),
                    optional("prompts", Kind.PROMPTS).withDefault(List.of()),
                    required("next", Kind.NODE)),
            type("queue",
                    required("queue", Kind.NAME),
                    optional("priority", Kind.WHOLE_NUMBER).withLimits(0, 1000).withDefault(0),
                    optional("variables", Kind.VARIABLES).withDefault(Map.of()),
                    optional("announceSeconds", Kind.SECONDS).withLimits(0, 3600).withDefault(Duration.ZERO),
                    optional("callbackKey", Kind.ONE_OF, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
            type("hangup"));

    private FlowSchema() {
    }

    private static Field required(String name, Kind kind, String... allowed) {
        return new Field(name, kind, true, Integer.MIN_VALUE, Integer.MAX_VALUE, Arrays.asList(allowed), null);
    }

    private static Field optional(String name, Kind kind, String... allowed) {
        return new Field(name, kind, false, Integer.MIN_VALUE, Integer.MAX_VALUE, Arrays.asList(allowed), null);
    }

    private static NodeType type(String name, Field... fields) {
        return new NodeType(name, fields(fields));
    }

    private static Map<String, Field> fields(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name(), field);
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, NodeType> types(NodeType... types) {
        Map<String, NodeType> byName = new LinkedHashMap<>();
        for (NodeType type : types) {
            byName.put(type.name(), type);
        }
        return Collections.unmodifiableMap(byName);
    }
}
