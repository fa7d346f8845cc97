package org.switchboard.routing.strategy.random.internal;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/** Offers the call to the candidates in a uniformly random order. */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=random")
public class RandomStrategy implements RoutingStrategy {

    /** Not thread-safe itself: used only under this component's lock. */
    private final RandomGenerator random;

    public RandomStrategy() {
        this(new SplittableRandom());
    }

    RandomStrategy(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        String[] ids = request.candidates().stream().map(c -> c.agentId()).toArray(String[]::new);
        shuffle(ids);
        return RoutingDecision.ranked(List.of(ids), ids[0] + " drawn first at random of " + ids.length
                + (ids.length == 1 ? " candidate" : " candidates"));
    }

    /** Fisher-Yates: every order equally likely. */
    private synchronized void shuffle(String[] ids) {
        for (int i = ids.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swapped = ids[i];
            ids[i] = ids[j];
            ids[j] = swapped;
        }
    }
}
