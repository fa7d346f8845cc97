package org.switchboard.routing.strategy.weightedrandom.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * Offers the call to the candidates in a random order weighted by skill: an agent's weight is the sum of the
 * agent's levels in the skills the call requires (1 when it requires none; never less than 1). The whole
 * ranking is a weighted sampling without replacement: each place goes to one of the agents not placed yet,
 * with a chance proportional to the agent's weight.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=weighted-random")
public class WeightedRandomStrategy implements RoutingStrategy {

    /** Not thread-safe itself: used only under this component's lock. */
    private final RandomGenerator random;

    public WeightedRandomStrategy() {
        this(new SplittableRandom());
    }

    WeightedRandomStrategy(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    private record Draw(String agentId, int weight, double key) {
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        Set<String> skills = request.call().requiredSkills().keySet();
        List<CandidateAgent> candidates = request.candidates();
        int[] weights = new int[candidates.size()];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(candidates.get(i), skills);
            total += weights[i];
        }
        double[] exponentials = exponentials(weights.length);
        // Efraimidis-Spirakis: ordering by Exp(1) / weight, smallest first, is a weighted sampling without
        // replacement of the whole list, in O(n log n).
        Draw[] draws = new Draw[weights.length];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = new Draw(candidates.get(i).agentId(), weights[i], exponentials[i] / weights[i]);
        }
        Arrays.sort(draws, Comparator.comparingDouble(Draw::key));

        List<String> ranked = new ArrayList<>(draws.length);
        for (Draw draw : draws) {
            ranked.add(draw.agentId());
        }
        return RoutingDecision.ranked(ranked, reason(draws[0], total, skills, draws.length));
    }

    private static int weight(CandidateAgent agent, Set<String> requiredSkills) {
        if (requiredSkills.isEmpty()) {
            return 1;
        }
        long sum = 0;
        for (String skill : requiredSkills) {
            sum += agent.level(skill);
        }
        return (int) Math.max(1, Math.min(sum, Integer.MAX_VALUE));
    }

    private synchronized double[] exponentials(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextExponential();
        }
        return values;
    }

    private static String reason(Draw first, long total, Set<String> skills, int candidates) {
        if (skills.isEmpty()) {
            return first.agentId() + " drawn first at random of " + candidates
                    + (candidates == 1 ? " candidate" : " candidates") + " (no skill required, equal weights)";
        }
        return first.agentId() + " drawn first with skill weight " + first.weight() + " of " + total
                + " in total (sum of levels in " + String.join(", ", new TreeSet<>(skills)) + ")";
    }
}
