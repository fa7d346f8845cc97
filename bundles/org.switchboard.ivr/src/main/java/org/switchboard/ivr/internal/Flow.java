package org.switchboard.ivr.internal;

import java.util.List;
import java.util.Map;

/**
 * A call flow as read from one file; immutable, so a call keeps the flow it started with when the file changes.
 *
 * @param name          the file name without {@code .yaml}
 * @param file          the file name
 * @param numbers       service numbers it answers (none for a survey run by name)
 * @param start         the id of the first node
 * @param nodes         the nodes by id
 * @param saveVariables whether the variables gathered are stored with the call's record when the flow ends,
 *                      also when the caller hangs up early (surveys)
 */
record Flow(String name, String file, List<String> numbers, String start, Map<String, Step> nodes,
        boolean saveVariables) {

    Flow {
        numbers = List.copyOf(numbers);
        nodes = Map.copyOf(nodes);
    }

    Step node(String id) {
        Step step = nodes.get(id);
        if (step == null) {
            throw new IllegalStateException("flow " + name + " has no node '" + id + "'");
        }
        return step;
    }
}
