package org.switchboard.routing.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent who could take the call, as the agent is at the time of the decision.
 *
 * @param agentId             the agent's id
 * @param skills              the agent's skills with levels 1-10
 * @param tier                the agent's tier (penalty) in the call's queue; lower tiers are meant to be
 *                            served first
 * @param idleSince           since when the agent has been available
 * @param callsAnsweredToday  calls the agent answered since midnight (server time)
 * @param talkTimeToday       time the agent talked since midnight
 * @param lastCallEndedAt     when the agent's last call ended, if the agent had one
 */
public record CandidateAgent(String agentId, Map<String, Integer> skills, int tier, Instant idleSince,
        int callsAnsweredToday, Duration talkTimeToday, Optional<Instant> lastCallEndedAt) {
    public CandidateAgent {
        Objects.requireNonNull(agentId, "agentId");
        skills = Map.copyOf(skills);
        Objects.requireNonNull(idleSince, "idleSince");
        Objects.requireNonNull(talkTimeToday, "talkTimeToday");
        Objects.requireNonNull(lastCallEndedAt, "lastCallEndedAt");
    }

    /** The agent's level in a skill, 0 when the agent does not have it. */
    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
