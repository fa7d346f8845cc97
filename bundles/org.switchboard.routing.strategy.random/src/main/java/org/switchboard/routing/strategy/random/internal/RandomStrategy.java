package org.switchboard.routing.strategy.random.internal;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to a candidate drawn uniformly at random (one draw); it returns only that agent and may run
 * inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=random",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
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
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        String chosen = candidates.get(draw(count)).agentId();
        return RoutingDecision.choose(chosen, chosen + " drawn first at random of " + count
                + (count == 1 ? " candidate" : " candidates"));
    }

    /** A uniformly random index below {@code bound}. */
    private synchronized int draw(int bound) {
        return random.nextInt(bound);
    }
}
