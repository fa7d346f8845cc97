package org.switchboard.ivr.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flows in use at one moment, and what is wrong with the files they come from. Immutable: a reload makes a
 * new one.
 *
 * @param flows    the flows by name
 * @param numbers  the name of the flow answering each service number
 * @param problems one line per problem: file, line, reason
 */
record FlowSet(Map<String, Flow> flows, Map<String, String> numbers, List<String> problems) {

    static final FlowSet EMPTY = new FlowSet(Map.of(), Map.of(), List.of());

    FlowSet {
        flows = Map.copyOf(flows);
        numbers = Map.copyOf(numbers);
        problems = List.copyOf(problems);
    }

    Optional<Flow> flow(String name) {
        return Optional.ofNullable(flows.get(name));
    }

    Optional<String> flowForNumber(String number) {
        return Optional.ofNullable(numbers.get(number));
    }
}
