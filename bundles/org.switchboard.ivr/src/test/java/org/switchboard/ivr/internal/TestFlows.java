package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

/** Flows written inline in tests. */
final class TestFlows {
    private TestFlows() {
    }

    /** Reads YAML given as lines; the flow must have no problems. */
    static Flow flow(String name, String... lines) {
        FlowReader.Result result = read(name, lines);
        assertEquals("problems of " + name, List.of(), result.problems());
        return result.flow().orElseThrow();
    }

    static FlowReader.Result read(String name, String... lines) {
        return new FlowReader().read(name + ".yaml", String.join("\n", lines) + "\n");
    }
}
