package org.switchboard.ivr.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.ivr.internal.FlowSchema.Field;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML mappings against a table of {@link Field}s: every value is checked for its kind and limits, and
 * each problem is reported at its line. Values that fail are left out, so one file reports all its problems.
 */
final class FieldReader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern PROMPT = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern SERVICE_NUMBER = Pattern.compile("[0-9*#+]+");
    private static final Pattern TIME_RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** A reference from a field to another node, checked once all node ids are known. */
    record NodeReference(String target, Node at) {
    }

    /** The values read from one mapping, with the YAML node of each field. */
    static final class Values {
        private final Map<String, Field> fields;
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Node> nodes = new HashMap<>();

        Values(Map<String, Field> fields) {
            this.fields = fields;
        }

        /** The value read, the field's default if it was absent, or null (absent without default, or bad). */
        @SuppressWarnings("unchecked")
        <T> T get(String name) {
            Object value = values.containsKey(name) ? values.get(name) : fields.get(name).defaultValue();
            return (T) value;
        }

        <T> Optional<T> optional(String name) {
            return Optional.ofNullable(get(name));
        }

        Optional<Node> node(String name) {
            return Optional.ofNullable(nodes.get(name));
        }
    }

    private final Problems problems;
    private final List<NodeReference> references = new ArrayList<>();

    FieldReader(Problems problems) {
        this.problems = problems;
    }

    List<NodeReference> references() {
        return List.copyOf(references);
    }

    /**
     * Reads {@code mapping} against {@code fields}. Keys in {@code ignored} are left to the caller; unknown and
     * duplicate keys and missing required fields are problems.
     */
    Values read(MappingNode mapping, Map<String, Field> fields, String what, Set<String> ignored) {
        Values values = new Values(fields);
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> key = scalarText(tuple.getKeyNode());
            if (key.isEmpty()) {
                problems.at(tuple.getKeyNode(), "a key of " + what + " must be a plain name");
                continue;
            }
            if (!seen.add(key.get())) {
                problems.at(tuple.getKeyNode(), "'" + key.get() + "' is given twice in " + what);
                continue;
            }
            if (ignored.contains(key.get())) {
                continue;
            }
            Field field = fields.get(key.get());
            if (field == null) {
                problems.at(tuple.getKeyNode(), "unknown field '" + key.get() + "' in " + what + " (allowed: "
                        + String.join(", ", allowedKeys(fields, ignored)) + ")");
                continue;
            }
            values.nodes.put(field.name(), tuple.getValueNode());
            Object value = value(field, tuple.getValueNode());
            if (value != null) {
                values.values.put(field.name(), value);
            }
        }
        for (Field field : fields.values()) {
            if (field.required() && !seen.contains(field.name())) {
                problems.at(mapping, what + " is missing the required field '" + field.name() + "'");
            }
        }
        return values;
    }

    private static List<String> allowedKeys(Map<String, Field> fields, Set<String> ignored) {
        List<String> keys = new ArrayList<>(new TreeSet<>(ignored));
        keys.addAll(fields.keySet());
        return keys;
    }

    static Optional<String> scalarText(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue().trim()) : Optional.empty();
    }

    private Object value(Field field, Node node) {
        return switch (field.kind()) {
            case TEXT -> text(field, node);
            case NAME -> matching(field, node, NAME, "letters, digits, '.', '_' and '-'");
            case VARIABLE -> variable(field.name(), node);
            case NODE -> reference(field, node);
            case WHOLE_NUMBER -> wholeNumber(field, node);
            case SECONDS -> Optional.ofNullable(wholeNumber(field, node)).map(Duration::ofSeconds).orElse(null);
            case BOOLEAN -> bool(field, node);
            case PROMPTS -> prompts(field, node);
            case SERVICE_NUMBERS -> serviceNumbers(field, node);
            case CALLER_NUMBERS -> callerNumbers(field, node);
            case VARIABLES -> variables(field, node);
            case CHOICES -> choices(field, node);
            case WEEKLY_HOURS -> weeklyHours(field, node);
            case DATES -> dates(field, node);
            case TIME_ZONE -> timeZone(field, node);
            case ONE_OF -> oneOf(field, node);
            case NODES -> node instanceof MappingNode ? node : wrongKind(field, node, "a mapping of node ids to nodes");
        };
    }

    private Object wrongKind(Field field, Node node, String expected) {
        problems.at(node, "'" + field.name() + "' must be " + expected);
        return null;
    }

    private String text(Field field, Node node) {
        Optional<String> text = scalarText(node);
        if (text.isEmpty() || text.get().isEmpty()) {
            wrongKind(field, node, "a text");
            return null;
        }
        return text.get();
    }

    private String matching(Field field, Node node, Pattern pattern, String allowed) {
        String text = text(field, node);
        if (text != null && !pattern.matcher(text).matches()) {
            problems.at(node, "'" + field.name() + "': '" + text + "' may only use " + allowed);
            return null;
        }
        return text;
    }

    private String variable(String fieldName, Node node) {
        Optional<String> text = scalarText(node);
        if (text.isEmpty() || !NAME.matcher(text.get()).matches()) {
            problems.at(node, "'" + fieldName + "' must be a variable name (letters, digits, '.', '_', '-')");
            return null;
        }
        if (text.get().startsWith("ivr.")) {
            problems.at(node, "'" + fieldName + "': variables starting with 'ivr.' are set by the server");
            return null;
        }
        return text.get();
    }

    private String reference(Field field, Node node) {
        String target = matching(field, node, NAME, "letters, digits, '.', '_' and '-' (a node id)");
        if (target != null) {
            references.add(new NodeReference(target, node));
        }
        return target;
    }

    private Integer wholeNumber(Field field, Node node) {
        String text = text(field, node);
        if (text == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.at(node, "'" + field.name() + "' must be a whole number, was '" + text + "'");
            return null;
        }
        if (number < field.min() || number > field.max()) {
            problems.at(node, "'" + field.name() + "' must be " + field.min() + ".." + field.max() + ", was " + number);
            return null;
        }
        return number;
    }

    private Boolean bool(Field field, Node node) {
        String text = text(field, node);
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problems.at(node, "'" + field.name() + "' must be true or false, was '" + text + "'");
            return null;
        }
        return Boolean.valueOf(text);
    }

    private String oneOf(Field field, Node node) {
        String text = text(field, node);
        if (text != null && !field.allowed().contains(text)) {
            problems.at(node, "'" + field.name() + "' must be one of " + String.join(", ", field.allowed())
                    + ", was '" + text + "'");
            return null;
        }
        return text;
    }

    /** A scalar, or a sequence of scalars, as a list of texts (null after a problem). */
    private List<Located> list(Field field, Node node) {
        List<Located> items = new ArrayList<>();
        if (node instanceof ScalarNode scalar) {
            if (!scalar.getValue().isBlank()) {
                items.add(new Located(scalar.getValue().trim(), node));
            }
            return items;
        }
        if (!(node instanceof SequenceNode sequence)) {
            wrongKind(field, node, "a list");
            return null;
        }
        boolean good = true;
        for (Node item : sequence.getValue()) {
            Optional<String> text = scalarText(item);
            if (text.isEmpty() || text.get().isEmpty()) {
                problems.at(item, "'" + field.name() + "' must list plain values");
                good = false;
            } else {
                items.add(new Located(text.get(), item));
            }
        }
        return good ? items : null;
    }

    /** A text and the node it came from. */
    record Located(String text, Node node) {
    }

    private List<String> prompts(Field field, Node node) {
        List<Located> items = list(field, node);
        if (items == null) {
            return null;
        }
        if (items.isEmpty() && field.required()) {
            wrongKind(field, node, "at least one prompt name");
            return null;
        }
        boolean good = true;
        for (Located item : items) {
            if (!PROMPT.matcher(item.text()).matches()) {
                problems.at(item.node(), "'" + field.name() + "': '" + item.text() + "' is not a prompt name "
                        + "(letters, digits, '_', '-', folders with '/')");
                good = false;
            }
        }
        return good ? items.stream().map(Located::text).toList() : null;
    }

    private List<Located> serviceNumbers(Field field, Node node) {
        List<Located> items = list(field, node);
        if (items == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        boolean good = true;
        for (Located item : items) {
            if (!SERVICE_NUMBER.matcher(item.text()).matches()) {
                problems.at(item.node(), "'" + item.text() + "' is not a dialable number (digits, '*', '#', '+')");
                good = false;
            } else if (!seen.add(item.text())) {
                problems.at(item.node(), "number " + item.text() + " is listed twice");
                good = false;
            }
        }
        return good ? items : null;
    }

    private List<AniPattern> callerNumbers(Field field, Node node) {
        List<Located> items = list(field, node);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            wrongKind(field, node, "at least one caller number");
            return null;
        }
        boolean good = true;
        for (Located item : items) {
            if (!AniPattern.isValid(item.text())) {
                problems.at(item.node(), "'" + item.text() + "' is not a caller number: digits with an optional "
                        + "leading '+', optionally ending in '*' for a prefix");
                good = false;
            }
        }
        return good ? items.stream().map(item -> new AniPattern(item.text())).toList() : null;
    }

    private Map<String, String> variables(Field field, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            wrongKind(field, node, "a mapping of variable names to values");
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        boolean good = true;
        for (NodeTuple tuple : mapping.getValue()) {
            String name = variable(field.name(), tuple.getKeyNode());
            Optional<String> value = scalarText(tuple.getValueNode());
            if (value.isEmpty()) {
                problems.at(tuple.getValueNode(), "'" + field.name() + "': the value of " + name + " must be a text");
                good = false;
            } else if (name == null) {
                good = false;
            } else if (variables.put(name, value.get()) != null) {
                problems.at(tuple.getKeyNode(), "'" + field.name() + "': " + name + " is given twice");
                good = false;
            }
        }
        return good ? variables : null;
    }

    private Map<Character, Step.Choice> choices(Field field, Node node) {
        if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            wrongKind(field, node, "a mapping of keys (0-9, *, #) to node ids or {value, next}");
            return null;
        }
        Map<Character, Step.Choice> choices = new HashMap<>();
        boolean good = true;
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> key = scalarText(tuple.getKeyNode());
            if (key.isEmpty() || !key.get().matches("[0-9*#]")) {
                problems.at(tuple.getKeyNode(), "'" + field.name() + "': a choice is one key, 0-9, * or #, was '"
                        + key.orElse("?") + "'");
                good = false;
                continue;
            }
            Step.Choice choice = choice(key.get(), tuple.getValueNode());
            if (choice == null) {
                good = false;
            } else if (choices.put(key.get().charAt(0), choice) != null) {
                problems.at(tuple.getKeyNode(), "'" + field.name() + "': key " + key.get() + " is given twice");
                good = false;
            }
        }
        return good ? choices : null;
    }

    private Step.Choice choice(String key, Node node) {
        Field next = FlowSchema.CHOICE_FIELDS.get("next");
        if (node instanceof ScalarNode) {
            String target = reference(next, node);
            return target == null ? null : new Step.Choice(key, target);
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "choice " + key + " must be a node id or {value, next}");
            return null;
        }
        int before = problems.count();
        Values values = read(mapping, FlowSchema.CHOICE_FIELDS, "choice " + key, Set.of());
        if (problems.count() > before) {
            return null;
        }
        return new Step.Choice(values.<String>optional("value").orElse(key), values.get("next"));
    }

    private Set<LocalDate> dates(Field field, Node node) {
        List<Located> items = list(field, node);
        if (items == null) {
            return null;
        }
        Set<LocalDate> dates = new HashSet<>();
        boolean good = true;
        for (Located item : items) {
            try {
                dates.add(LocalDate.parse(item.text()));
            } catch (DateTimeException e) {
                problems.at(item.node(), "bad date '" + item.text() + "': use an existing date as YYYY-MM-DD");
                good = false;
            }
        }
        return good ? dates : null;
    }

    private ZoneId timeZone(Field field, Node node) {
        String text = text(field, node);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.at(node, "bad time zone '" + text + "': use a region id such as Europe/Berlin or Asia/Shanghai");
            return null;
        }
    }

    private WeeklyHours weeklyHours(Field field, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            wrongKind(field, node, "a mapping of days (mon-fri, sat, ...) to time ranges (\"08:00-18:00\")");
            return null;
        }
        Map<DayOfWeek, List<WeeklyHours.Range>> days = new EnumMap<>(DayOfWeek.class);
        boolean good = true;
        for (NodeTuple tuple : mapping.getValue()) {
            List<DayOfWeek> keyDays = days(tuple.getKeyNode());
            List<WeeklyHours.Range> ranges = ranges(field, tuple.getValueNode());
            if (keyDays == null || ranges == null) {
                good = false;
                continue;
            }
            for (DayOfWeek day : keyDays) {
                if (days.put(day, ranges) != null) {
                    problems.at(tuple.getKeyNode(), "'" + field.name() + "': "
                            + DAYS.get(day.getValue() - 1) + " is given twice");
                    good = false;
                }
            }
        }
        return good ? new WeeklyHours(days) : null;
    }

    /** "mon", "mon-fri", "sat,sun" or "daily". */
    private List<DayOfWeek> days(Node node) {
        String text = scalarText(node).orElse("").toLowerCase();
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.equals("daily")) {
                days.addAll(List.of(DayOfWeek.values()));
                continue;
            }
            String[] ends = item.split("-", -1);
            int first = ends.length <= 2 ? DAYS.indexOf(ends[0].trim()) : -1;
            int last = ends.length == 2 ? DAYS.indexOf(ends[1].trim()) : first;
            if (first < 0 || last < 0) {
                problems.at(node, "bad day '" + item + "': use mon, tue, wed, thu, fri, sat, sun, a range such as "
                        + "mon-fri, several separated by commas, or daily");
                return null;
            }
            for (int day = first;; day = (day + 1) % 7) {
                days.add(DayOfWeek.of(day + 1));
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private List<WeeklyHours.Range> ranges(Field field, Node node) {
        List<Located> items = list(field, node);
        if (items == null) {
            return null;
        }
        List<WeeklyHours.Range> ranges = new ArrayList<>();
        boolean good = true;
        for (Located item : items) {
            for (String text : item.text().split(",")) {
                WeeklyHours.Range range = range(text.trim(), item.node());
                if (range == null) {
                    good = false;
                } else {
                    ranges.add(range);
                }
            }
        }
        return good ? ranges : null;
    }

    private WeeklyHours.Range range(String text, Node node) {
        Matcher matcher = TIME_RANGE.matcher(text);
        if (!matcher.matches()) {
            problems.at(node, "bad time range '" + text + "': use HH:MM-HH:MM, e.g. 08:00-18:00");
            return null;
        }
        int start = minute(matcher.group(1), matcher.group(2));
        int end = minute(matcher.group(3), matcher.group(4));
        if (start < 0 || end < 0 || start >= 24 * 60) {
            problems.at(node, "bad time range '" + text + "': times run from 00:00 to 24:00");
            return null;
        }
        if (end <= start) {
            problems.at(node, "bad time range '" + text + "': the end must be after the start (use 24:00 for "
                    + "midnight at the end of the day)");
            return null;
        }
        return new WeeklyHours.Range(start, end);
    }

    /** Minutes of the day, or -1 when not a time of day (24:00 is the end of the day). */
    private static int minute(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m > 0)) {
            return -1;
        }
        return h * 60 + m;
    }
}
