package org.switchboard.ivr.internal;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.switchboard.ivr.internal.FieldReader.Located;
import org.switchboard.ivr.internal.FieldReader.NodeReference;
import org.switchboard.ivr.internal.FieldReader.Values;
import org.switchboard.ivr.internal.FlowSchema.NodeType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads one flow file: YAML composed into nodes (which keep their line numbers), checked against
 * {@link FlowSchema}, then the flow's structure (branches to unknown nodes, unreachable nodes, loops that never
 * wait for the caller). Either a flow or the list of its problems comes out.
 */
final class FlowReader {
    static final String SUFFIX = ".yaml";
    static final int MAX_CHARS = 1 << 20;

    /**
     * What reading a file gave.
     *
     * @param flow        the flow, when the file has no problems
     * @param problems    what is wrong, in the order of the file
     * @param numberLines the line of each service number the file claims
     */
    record Result(Optional<Flow> flow, List<FlowProblem> problems, Map<String, Integer> numberLines) {
        Result {
            problems = List.copyOf(problems);
            numberLines = Map.copyOf(numberLines);
        }
    }

    Result read(String fileName, String text) {
        Problems problems = new Problems(fileName);
        String flowName = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length())
                : fileName;
        if (!flowName.matches("[A-Za-z0-9_.-]+")) {
            problems.at(1, "the file name '" + fileName + "' must be a flow name (letters, digits, '.', '_', '-') "
                    + "followed by " + SUFFIX);
        }
        if (text.length() > MAX_CHARS) {
            problems.at(1, "the file is larger than " + MAX_CHARS + " characters");
            return new Result(Optional.empty(), problems.list(), Map.of());
        }
        Node root;
        try {
            root = compose(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.at(mark == null ? 1 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
            return new Result(Optional.empty(), problems.list(), Map.of());
        } catch (YAMLException e) {
            problems.at(1, "not valid YAML: " + e.getMessage());
            return new Result(Optional.empty(), problems.list(), Map.of());
        }
        if (root == null) {
            problems.at(1, "the file is empty; a flow needs start and nodes");
            return new Result(Optional.empty(), problems.list(), Map.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root, "a flow file is a mapping with the keys " + String.join(", ",
                    FlowSchema.FILE_FIELDS.keySet()));
            return new Result(Optional.empty(), problems.list(), Map.of());
        }
        return new FileReading(flowName, fileName, problems).read(mapping);
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        return new Yaml(options).compose(new StringReader(text));
    }

    /** The state of reading one file. */
    private static final class FileReading {
        private final String flowName;
        private final String fileName;
        private final Problems problems;
        private final FieldReader fields;
        private final Map<String, Node> nodeKeys = new LinkedHashMap<>();
        private final Map<String, Step> steps = new LinkedHashMap<>();

        FileReading(String flowName, String fileName, Problems problems) {
            this.flowName = flowName;
            this.fileName = fileName;
            this.problems = problems;
            this.fields = new FieldReader(problems);
        }

        Result read(MappingNode root) {
            Values file = fields.read(root, FlowSchema.FILE_FIELDS, "the flow", Set.of());
            file.<MappingNode>optional("nodes").ifPresent(this::readNodes);
            Map<String, Integer> numberLines = new LinkedHashMap<>();
            List<Located> numbers = file.get("numbers");
            if (numbers != null) {
                numbers.forEach(number -> numberLines.put(number.text(), Problems.lineOf(number.node())));
            }
            checkReferences();
            String start = file.get("start");
            if (problems.count() == 0) {
                new FlowStructure(steps, nodeKeys, problems).check(start);
            }
            if (problems.count() > 0) {
                return new Result(Optional.empty(), problems.list(), numberLines);
            }
            Flow flow = new Flow(flowName, fileName, List.copyOf(numberLines.keySet()), start, steps,
                    file.<Boolean>get("save"));
            return new Result(Optional.of(flow), List.of(), numberLines);
        }

        private void readNodes(MappingNode nodes) {
            if (nodes.getValue().isEmpty()) {
                problems.at(nodes, "'nodes' must have at least one node");
            }
            for (NodeTuple tuple : nodes.getValue()) {
                Node key = tuple.getKeyNode();
                Optional<String> id = FieldReader.scalarText(key);
                if (id.isEmpty() || !id.get().matches("[A-Za-z0-9_.-]+")) {
                    problems.at(key, "a node id may only use letters, digits, '.', '_' and '-'");
                    continue;
                }
                if (nodeKeys.putIfAbsent(id.get(), key) != null) {
                    problems.at(key, "node '" + id.get() + "' is defined twice");
                    continue;
                }
                readNode(id.get(), tuple.getValueNode());
            }
        }

        private void readNode(String id, Node node) {
            if (!(node instanceof MappingNode mapping)) {
                problems.at(node, "node '" + id + "' must be a mapping with a type");
                return;
            }
            Optional<NodeTuple> typeTuple = mapping.getValue().stream()
                    .filter(t -> FieldReader.scalarText(t.getKeyNode()).filter(FlowSchema.TYPE::equals).isPresent())
                    .findFirst();
            if (typeTuple.isEmpty()) {
                problems.at(node, "node '" + id + "' has no type (one of " + knownTypes() + ")");
                return;
            }
            Node typeValue = typeTuple.get().getValueNode();
            String typeName = FieldReader.scalarText(typeValue).orElse("");
            NodeType type = FlowSchema.NODE_TYPES.get(typeName);
            if (type == null) {
                problems.at(typeValue, "unknown node type '" + typeName + "' of node '" + id + "' (known: "
                        + knownTypes() + ")");
                return;
            }
            int before = problems.count();
            Values values = fields.read(mapping, type.fields(), typeName + " node '" + id + "'",
                    Set.of(FlowSchema.TYPE));
            if (problems.count() == before) {
                Step step = build(id, typeName, values, node);
                if (step != null) {
                    steps.put(id, step);
                }
            }
        }

        private static String knownTypes() {
            return String.join(", ", FlowSchema.NODE_TYPES.keySet());
        }

        /** Builds a node whose fields were all read without problems; checks what spans several fields. */
        private Step build(String id, String type, Values v, Node node) {
            return switch (type) {
                case "play" -> new Step.Play(id, v.get("prompts"), v.get("next"));
                case "menu" -> new Step.Menu(id, v.get("prompts"), v.get("choices"), v.get("timeout"),
                        v.<Integer>get("retries"), v.get("invalid"), v.optional("variable"), v.optional("otherwise"));
                case "collect" -> collect(id, v);
                case "set" -> new Step.SetVariables(id, v.get("variables"), v.get("next"));
                case "hours" -> new Step.Hours(id, v.<ZoneId>get("timezone"), v.get("open"),
                        Set.<LocalDate>copyOf(v.get("holidays")), v.get("then"), v.get("closed"));
                case "blacklist" -> blacklist(id, v, node);
                case "queue" -> new Step.Queue(id, v.get("queue"), v.<Integer>get("priority"), v.get("variables"),
                        v.<Duration>get("announceSeconds"),
                        v.<String>optional("callbackKey").map(key -> key.charAt(0)));
                case "hangup" -> new Step.HangUp(id);
                default -> throw new IllegalStateException("no builder for node type " + type);
            };
        }

        private Step collect(String id, Values v) {
            int min = v.get("min");
            int max = v.get("max");
            if (min > max) {
                problems.at(v.node("min").orElseThrow(), "'min' (" + min + ") is greater than 'max' (" + max + ")");
                return null;
            }
            Optional<Character> terminator = v.<String>optional("terminator").map(text -> text.charAt(0));
            return new Step.Collect(id, v.get("prompts"), v.get("variable"), min, max, terminator, v.get("timeout"),
                    v.<Integer>get("retries"), v.get("invalid"), v.get("next"), v.optional("otherwise"));
        }

        private Step blacklist(String id, Values v, Node node) {
            Step.BlacklistAction action = Step.BlacklistAction.valueOf(v.<String>get("action").toUpperCase());
            List<String> prompts = v.get("prompts");
            if (action == Step.BlacklistAction.MESSAGE && prompts.isEmpty()) {
                problems.at(node, "blacklist node '" + id + "' with action message needs 'prompts'");
                return null;
            }
            if (action == Step.BlacklistAction.REJECT && !prompts.isEmpty()) {
                problems.at(v.node("prompts").orElseThrow(), "blacklist node '" + id
                        + "' rejects without answering, so its prompts would never play (use action: message)");
                return null;
            }
            return new Step.Blacklist(id, v.get("numbers"), action, Integer.parseInt(v.get("status")), prompts,
                    v.get("next"));
        }

        private void checkReferences() {
            for (NodeReference reference : fields.references()) {
                if (!nodeKeys.containsKey(reference.target())) {
                    problems.at(reference.at(), "branch to unknown node '" + reference.target() + "'");
                }
            }
        }
    }
}
