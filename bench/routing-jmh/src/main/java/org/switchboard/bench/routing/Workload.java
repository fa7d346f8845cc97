package org.switchboard.bench.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingRequest;

/**
 * Realistic routing requests, reproducible from a seed: a call of the queue "support" that requires
 * english 3 and billing 2, and candidates as the distributor hands them over: in agent-id order, all of one
 * tier, all having the required skills (at levels from the minimum to 10, plus 0-3 other skills), idle since
 * 0-15 minutes (random, millisecond resolution), 0-60 calls answered today, 0-5 hours of talk today,
 * and a last call that ended when they became idle (none for the ~5 % who have not answered a call yet).
 */
public final class Workload {

    /** The skills the queue requires, with minimum levels. */
    public static final Map<String, Integer> REQUIRED_SKILLS = Map.of("english", 3, "billing", 2);

    private static final List<String> OTHER_SKILLS = List.of("french", "german", "sales", "tech", "vip", "retention");

    private Workload() {
    }

    /** An agent id: numeric extensions such as 10000, 10001... as in the project's examples. */
    public static String agentId(int index) {
        return String.valueOf(10000 + index);
    }

    /** Skills of an agent who qualifies for the queue: the required ones at or above the minimum, and others. */
    public static Map<String, Integer> skills(SplittableRandom random) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        REQUIRED_SKILLS.forEach((skill, minimum) -> skills.put(skill, random.nextInt(minimum, 11)));
        int others = random.nextInt(4);
        for (int i = 0; i < others; i++) {
            skills.put(OTHER_SKILLS.get(random.nextInt(OTHER_SKILLS.size())), random.nextInt(1, 11));
        }
        return skills;
    }

    /** A request with {@code agents} candidates for a call that has waited 45 s, decided at {@code now}. */
    public static RoutingRequest request(int agents, long seed, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CandidateAgent> candidates = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            Instant idleSince = now.minusMillis(random.nextLong(1, 15 * 60 * 1000));
            boolean hadCall = random.nextInt(100) >= 5;
            int answered = hadCall ? random.nextInt(1, 61) : 0;
            Duration talk = hadCall ? Duration.ofSeconds(random.nextLong(30L * answered, 5 * 3600 + 1)) : Duration.ZERO;
            candidates.add(new CandidateAgent(agentId(i), skills(random), 1, idleSince, answered, talk,
                    hadCall ? Optional.of(idleSince) : Optional.empty()));
        }
        CallSnapshot call = new CallSnapshot("call-" + seed, "5551234", "4000", "support", 0, Duration.ofSeconds(45),
                Map.of("language", "en", "account", "4711-" + seed), REQUIRED_SKILLS, Optional.empty());
        return new RoutingRequest(call, candidates, now);
    }
}
