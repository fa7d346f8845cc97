package org.switchboard.ivr.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow files of one folder, read again when they change. A file that changed is read whole; when it has
 * problems, its previous flow (if any) stays in use and the problems are reported and logged once. A deleted
 * file takes its flow away. A service number claimed by two files stays with the flow that had it; between two
 * new claims, the file whose name sorts first wins.
 */
final class FlowLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(FlowLibrary.class);

    private final Path directory;
    private final FlowReader reader;
    private final Map<String, FileState> files = new TreeMap<>();
    private volatile FlowSet current = FlowSet.EMPTY;
    private boolean directoryMissing;

    /** What was last read from one file, and the flow from it that is in use. */
    private static final class FileState {
        final FileTime modified;
        final long size;
        final FlowReader.Result read;
        Flow accepted;
        List<FlowProblem> problems = List.of();

        FileState(FileTime modified, long size, FlowReader.Result read, Flow accepted) {
            this.modified = modified;
            this.size = size;
            this.read = read;
            this.accepted = accepted;
        }
    }

    FlowLibrary(Path directory, FlowReader reader) {
        this.directory = directory;
        this.reader = reader;
    }

    Path directory() {
        return directory;
    }

    FlowSet current() {
        return current;
    }

    /** Reads the files that changed since the last refresh; returns whether anything changed. */
    synchronized boolean refresh() {
        boolean wasMissing = directoryMissing;
        Map<String, BasicFileAttributes> found = list();
        if (found == null) {
            return false;
        }
        boolean changed = files.keySet().removeIf(name -> !found.containsKey(name)) || wasMissing != directoryMissing;
        for (Map.Entry<String, BasicFileAttributes> file : found.entrySet()) {
            FileState state = files.get(file.getKey());
            BasicFileAttributes attributes = file.getValue();
            if (state == null || !state.modified.equals(attributes.lastModifiedTime())
                    || state.size != attributes.size()) {
                FlowReader.Result read = read(directory.resolve(file.getKey()));
                files.put(file.getKey(), new FileState(attributes.lastModifiedTime(), attributes.size(), read,
                        state == null ? null : state.accepted));
                changed = true;
            }
        }
        if (changed) {
            assemble();
        }
        return changed;
    }

    /**
     * Checks a file as a load would, without loading it: its own problems, and service numbers that flows of
     * other files answer now.
     */
    List<String> check(Path file) {
        String fileName = file.getFileName().toString();
        FlowReader.Result read = read(file);
        List<FlowProblem> problems = new ArrayList<>(read.problems());
        String flowName = fileName.endsWith(FlowReader.SUFFIX)
                ? fileName.substring(0, fileName.length() - FlowReader.SUFFIX.length()) : fileName;
        FlowSet now = current;
        read.numberLines().forEach((number, line) -> now.flowForNumber(number)
                .filter(owner -> !owner.equals(flowName))
                .ifPresent(owner -> problems.add(new FlowProblem(fileName, line, duplicate(number, owner)))));
        return problems.stream().sorted(Comparator.comparingInt(FlowProblem::line)).map(FlowProblem::toString)
                .toList();
    }

    private Map<String, BasicFileAttributes> list() {
        Map<String, BasicFileAttributes> found = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            if (!directoryMissing) {
                LOG.warn("call flow folder {} does not exist; no call flows are loaded", directory);
            }
            directoryMissing = true;
            return found;
        }
        directoryMissing = false;
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                String name = path.getFileName().toString();
                if (!name.endsWith(FlowReader.SUFFIX) || name.startsWith(".")) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        found.put(name, attributes);
                    }
                } catch (NoSuchFileException e) {
                    // deleted between the listing and now: it is simply not there
                }
            }
        } catch (IOException e) {
            LOG.warn("call flow folder {} cannot be read ({}); the flows loaded stay in use", directory,
                    e.toString());
            return null;
        }
        return found;
    }

    private FlowReader.Result read(Path file) {
        String fileName = file.getFileName().toString();
        try {
            if (Files.size(file) > 4L * FlowReader.MAX_CHARS) {
                return failed(fileName, "the file is larger than " + FlowReader.MAX_CHARS + " characters");
            }
            return reader.read(fileName, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            return failed(fileName, "the file is not UTF-8 text");
        } catch (IOException e) {
            return failed(fileName, "the file cannot be read: " + e);
        }
    }

    private static FlowReader.Result failed(String fileName, String reason) {
        return new FlowReader.Result(Optional.empty(), List.of(new FlowProblem(fileName, 1, reason)), Map.of());
    }

    /** Decides which flow of each file is in use, and which file answers each number. */
    private void assemble() {
        Map<String, String> claims = new HashMap<>();
        Map<String, List<FlowProblem>> problems = new TreeMap<>();
        files.forEach((name, state) -> problems.put(name, new ArrayList<>(state.read.problems())));
        // Flows in use that the change leaves in place keep their numbers.
        for (FileState state : files.values()) {
            if (state.accepted != null && state.read.flow().map(flow -> flow.equals(state.accepted)).orElse(true)) {
                state.accepted.numbers().forEach(number -> claims.putIfAbsent(number, state.accepted.name()));
            }
        }
        for (Map.Entry<String, FileState> entry : files.entrySet()) {
            FileState state = entry.getValue();
            Flow candidate = state.read.flow().orElse(null);
            if (candidate == null || candidate.equals(state.accepted)) {
                continue;
            }
            List<FlowProblem> conflicts = conflicts(entry.getKey(), candidate, state.read.numberLines(), claims);
            if (conflicts.isEmpty()) {
                state.accepted = candidate;
            } else {
                problems.get(entry.getKey()).addAll(conflicts);
                if (state.accepted != null && !conflicts(entry.getKey(), state.accepted, Map.of(), claims).isEmpty()) {
                    state.accepted = null;
                }
            }
            if (state.accepted != null) {
                state.accepted.numbers().forEach(number -> claims.put(number, state.accepted.name()));
            }
        }
        report(problems);
        Map<String, Flow> flows = new TreeMap<>();
        files.values().stream().map(state -> state.accepted).filter(Objects::nonNull)
                .forEach(flow -> flows.put(flow.name(), flow));
        List<String> lines = new ArrayList<>();
        if (directoryMissing) {
            lines.add(directory + ": the folder does not exist");
        }
        problems.values().stream().flatMap(List::stream).map(FlowProblem::toString).forEach(lines::add);
        current = new FlowSet(flows, claims, lines);
    }

    private static List<FlowProblem> conflicts(String fileName, Flow flow, Map<String, Integer> lines,
            Map<String, String> claims) {
        List<FlowProblem> conflicts = new ArrayList<>();
        for (String number : flow.numbers()) {
            String owner = claims.get(number);
            if (owner != null && !owner.equals(flow.name())) {
                conflicts.add(new FlowProblem(fileName, lines.getOrDefault(number, 1), duplicate(number, owner)));
            }
        }
        return conflicts;
    }

    private static String duplicate(String number, String owner) {
        return "number " + number + " is already answered by flow '" + owner + "' (" + owner + FlowReader.SUFFIX
                + ")";
    }

    /** Logs what changed: problems once per change, flows loaded and removed. */
    private void report(Map<String, List<FlowProblem>> problems) {
        FlowSet before = current;
        for (Map.Entry<String, FileState> entry : files.entrySet()) {
            FileState state = entry.getValue();
            List<FlowProblem> now = problems.get(entry.getKey());
            if (!now.equals(state.problems) && !now.isEmpty()) {
                String outcome = state.accepted == null ? "the flow is not loaded"
                        : "flow '" + state.accepted.name() + "' keeps its previous version";
                LOG.error("call flow file {} has {} problem(s); {}:{}{}", directory.resolve(entry.getKey()),
                        now.size(), outcome, System.lineSeparator(), String.join(System.lineSeparator(),
                                now.stream().map(p -> "  " + p).toList()));
            }
            state.problems = now;
            if (state.accepted != null && !before.flow(state.accepted.name()).filter(state.accepted::equals)
                    .isPresent()) {
                LOG.info("call flow '{}' loaded from {}, numbers {}", state.accepted.name(), entry.getKey(),
                        state.accepted.numbers());
            }
        }
        before.flows().keySet().stream().filter(name -> files.values().stream()
                .noneMatch(state -> state.accepted != null && state.accepted.name().equals(name)))
                .forEach(name -> LOG.info("call flow '{}' removed", name));
    }
}
