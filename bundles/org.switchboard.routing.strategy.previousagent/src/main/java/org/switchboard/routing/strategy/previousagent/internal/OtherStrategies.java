package org.switchboard.routing.strategy.previousagent.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.switchboard.routing.api.RoutingStrategy;

/**
 * The routing strategies installed beside this one, by name. As in the distributor, when several services
 * carry the same name, the one that came first is used until it goes.
 */
final class OtherStrategies {
    private final Map<String, List<RoutingStrategy>> byName = new ConcurrentHashMap<>();

    void add(String name, RoutingStrategy strategy) {
        byName.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(strategy);
    }

    void remove(RoutingStrategy strategy) {
        byName.values().forEach(list -> list.remove(strategy));
        byName.values().removeIf(List::isEmpty);
    }

    Optional<RoutingStrategy> named(String name) {
        List<RoutingStrategy> providers = byName.get(name);
        return providers == null || providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }
}
