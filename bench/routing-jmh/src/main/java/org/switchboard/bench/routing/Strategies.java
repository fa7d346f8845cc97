package org.switchboard.bench.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.switchboard.routing.api.RoutingStrategy;
import org.switchboard.routing.strategy.fewestcalls.internal.FewestCallsStrategy;
import org.switchboard.routing.strategy.leasttalktime.internal.LeastTalkTimeStrategy;
import org.switchboard.routing.strategy.longestidle.internal.LongestIdleStrategy;
import org.switchboard.routing.strategy.random.internal.RandomStrategy;
import org.switchboard.routing.strategy.ringall.internal.RingAllStrategy;
import org.switchboard.routing.strategy.roundrobin.internal.RoundRobinStrategy;
import org.switchboard.routing.strategy.skillsbestmatch.internal.SkillsBestMatchStrategy;
import org.switchboard.routing.strategy.weightedrandom.internal.WeightedRandomStrategy;

/**
 * The eight strategy bundles of the project, by the name a queue selects them with, made the way the OSGi
 * runtime makes them (the public no-arg constructor: random and weighted-random draw from an unseeded
 * {@code SplittableRandom}, as in production).
 */
public final class Strategies {

    private static final Map<String, Supplier<RoutingStrategy>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("longest-idle", LongestIdleStrategy::new);
        BY_NAME.put("round-robin", RoundRobinStrategy::new);
        BY_NAME.put("fewest-calls", FewestCallsStrategy::new);
        BY_NAME.put("least-talk-time", LeastTalkTimeStrategy::new);
        BY_NAME.put("random", RandomStrategy::new);
        BY_NAME.put("weighted-random", WeightedRandomStrategy::new);
        BY_NAME.put("skills-best-match", SkillsBestMatchStrategy::new);
        BY_NAME.put("ring-all", RingAllStrategy::new);
    }

    private Strategies() {
    }

    /** The names, in the order the results list them. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** A new instance of the named strategy. */
    public static RoutingStrategy create(String name) {
        Supplier<RoutingStrategy> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no strategy '" + name + "'; strategies are " + BY_NAME.keySet());
        }
        return factory.get();
    }
}
