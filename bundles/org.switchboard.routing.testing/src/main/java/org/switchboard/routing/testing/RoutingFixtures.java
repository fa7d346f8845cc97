package org.switchboard.routing.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingRequest;

/** Builds candidate agents and routing requests for the unit tests of routing strategies. */
public final class RoutingFixtures {

    public static final Instant NOW = Instant.parse("2024-05-06T10:00:00Z");

    private RoutingFixtures() {
    }

    /** An agent idle for {@code idleSeconds} before {@link #NOW}, with no calls and no talk time so far. */
    public static Agent agent(String id, long idleSeconds) {
        return new Agent(id, idleSeconds);
    }

    /** A request for a call in {@code queue} that requires no skill. */
    public static RoutingRequest request(String queue, Agent... agents) {
        return request(queue, Map.of(), agents);
    }

    /** A request for a call in {@code queue} that requires {@code requiredSkills}. */
    public static RoutingRequest request(String queue, Map<String, Integer> requiredSkills, Agent... agents) {
        return request(queue, requiredSkills, Arrays.stream(agents).map(Agent::build).toList());
    }

    public static RoutingRequest request(String queue, Map<String, Integer> requiredSkills,
            List<CandidateAgent> agents) {
        CallSnapshot call = new CallSnapshot("CALL-1", "+15550100", "+15550199", queue, 0, Duration.ofSeconds(10),
                Map.of(), requiredSkills, Optional.empty());
        return new RoutingRequest(call, agents, NOW);
    }

    /** A small builder of one candidate agent. */
    public static final class Agent {
        private final String id;
        private final long idleSeconds;
        private final Map<String, Integer> skills = new HashMap<>();
        private int calls;
        private Duration talk = Duration.ZERO;

        private Agent(String id, long idleSeconds) {
            this.id = id;
            this.idleSeconds = idleSeconds;
        }

        public Agent calls(int callsAnsweredToday) {
            this.calls = callsAnsweredToday;
            return this;
        }

        public Agent talkSeconds(long talkTimeToday) {
            this.talk = Duration.ofSeconds(talkTimeToday);
            return this;
        }

        public Agent skill(String name, int level) {
            skills.put(name, level);
            return this;
        }

        public CandidateAgent build() {
            return new CandidateAgent(id, skills, 0, NOW.minusSeconds(idleSeconds), calls, talk, Optional.empty());
        }
    }
}
