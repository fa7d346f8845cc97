package org.switchboard.routing.strategy.weightedrandom.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to a candidate drawn at random weighted by skill: an agent's weight is the sum of the
 * agent's levels in the skills the call requires (1 when it requires none; never less than 1), and each
 * candidate is chosen with a chance proportional to its weight.
 * <p>
 * One weighted draw: a pass sums the weights, one uniform number is drawn below the sum, and a second pass
 * finds the agent whose share of the sum it falls in. It returns only that agent and may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=weighted-random",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class WeightedRandomStrategy implements RoutingStrategy {

    private static final String[] NO_SKILLS = new String[0];

    /** Not thread-safe itself: used only under this component's lock. */
    private final RandomGenerator random;

    public WeightedRandomStrategy() {
        this(new SplittableRandom());
    }

    WeightedRandomStrategy(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        Set<String> requiredSkills = request.call().requiredSkills().keySet();
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        if (requiredSkills.isEmpty()) {
            // every weight is 1: a uniform draw
            String chosen = candidates.get(drawIndex(count)).agentId();
            return RoutingDecision.choose(chosen, chosen + " drawn first at random of " + count
                    + (count == 1 ? " candidate" : " candidates") + " (no skill required, equal weights)");
        }

        String[] skills = requiredSkills.toArray(NO_SKILLS);
        int[] weights = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            int weight = weight(candidates.get(i), skills);
            weights[i] = weight;
            total += weight;
        }
        long drawn = drawBelow(total);
        int chosen = count - 1;
        long upTo = 0;
        for (int i = 0; i < count; i++) {
            upTo += weights[i];
            if (drawn < upTo) {
                chosen = i;
                break;
            }
        }
        String agentId = candidates.get(chosen).agentId();
        return RoutingDecision.choose(agentId, agentId + " drawn first with skill weight " + weights[chosen] + " of "
                + total + " in total (sum of levels in " + String.join(", ", new TreeSet<>(requiredSkills)) + ")");
    }

    private static int weight(CandidateAgent agent, String[] requiredSkills) {
        long sum = 0;
        for (String skill : requiredSkills) {
            sum += agent.level(skill);
        }
        return (int) Math.max(1, Math.min(sum, Integer.MAX_VALUE));
    }

    /** A uniformly random index in [0, bound). */
    private synchronized int drawIndex(int bound) {
        return random.nextInt(bound);
    }

    /** A uniformly random long in [0, bound). */
    private synchronized long drawBelow(long bound) {
        return random.nextLong(bound);
    }
}
