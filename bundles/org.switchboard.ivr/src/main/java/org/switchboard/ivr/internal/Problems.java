package org.switchboard.ivr.internal;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one file, each at the line of the YAML node it is about. */
final class Problems {
    private final String file;
    private final List<FlowProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(Node node, String reason) {
        at(lineOf(node), reason);
    }

    void at(int line, String reason) {
        found.add(new FlowProblem(file, line, reason));
    }

    int count() {
        return found.size();
    }

    List<FlowProblem> list() {
        return List.copyOf(found);
    }

    static int lineOf(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
