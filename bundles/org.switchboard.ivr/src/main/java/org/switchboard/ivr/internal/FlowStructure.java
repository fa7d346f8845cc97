package org.switchboard.ivr.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks the shape of a flow whose nodes are all valid: every node can be reached from the start, and no loop
 * runs without a menu or collect in it (such a loop would spin, or play forever, without the caller being able
 * to get out).
 */
final class FlowStructure {
    private final Map<String, Step> steps;
    private final Map<String, Node> keys;
    private final Problems problems;

    FlowStructure(Map<String, Step> steps, Map<String, Node> keys, Problems problems) {
        this.steps = steps;
        this.keys = keys;
        this.problems = problems;
    }

    void check(String start) {
        Set<String> reached = reachableFrom(start);
        for (String id : steps.keySet()) {
            if (!reached.contains(id)) {
                problems.at(keys.get(id), "node '" + id + "' is unreachable: no branch from start '" + start
                        + "' leads to it");
            }
        }
        findLoopWithoutInput().ifPresent(loop -> problems.at(keys.get(loop.get(0)),
                "nodes " + String.join(" -> ", loop) + " loop without a menu or collect: the caller could never "
                        + "leave it"));
    }

    private Set<String> reachableFrom(String start) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (reached.add(id)) {
                pending.addAll(steps.get(id).branches());
            }
        }
        return reached;
    }

    /** A cycle among nodes that never wait for a key, as the list of its ids ending where it starts. */
    private Optional<List<String>> findLoopWithoutInput() {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the current path, 2: done
        for (String id : steps.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> loop = visit(id, state, path);
            if (loop.isPresent()) {
                return loop;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String id, Map<String, Integer> state, List<String> path) {
        Step step = steps.get(id);
        if (step.waitsForCaller() || state.getOrDefault(id, 0) == 2) {
            return Optional.empty();
        }
        if (state.getOrDefault(id, 0) == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            loop.add(id);
            return Optional.of(loop);
        }
        state.put(id, 1);
        path.add(id);
        for (String next : step.branches()) {
            Optional<List<String>> loop = visit(next, state, path);
            if (loop.isPresent()) {
                return loop;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return Optional.empty();
    }
}
