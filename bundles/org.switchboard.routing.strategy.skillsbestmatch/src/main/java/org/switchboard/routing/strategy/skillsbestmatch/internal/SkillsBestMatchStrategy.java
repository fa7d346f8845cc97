package org.switchboard.routing.strategy.skillsbestmatch.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Offers the call to the agent with the highest sum of levels in the skills the call requires; among equals
 * (and when the call requires no skill), to the one idle longest, then by agent id.
 * <p>
 * One pass over the candidates comparing primitive keys; it returns only the chosen agent and may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=skills-best-match",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class SkillsBestMatchStrategy implements RoutingStrategy {

    private static final String[] NO_SKILLS = new String[0];

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        Set<String> requiredSkills = request.call().requiredSkills().keySet();
        String[] skills = requiredSkills.toArray(NO_SKILLS);
        List<CandidateAgent> candidates = request.candidates();
        int count = candidates.size();
        CandidateAgent best = candidates.get(0);
        long bestScore = score(best, skills);
        Instant bestIdle = best.idleSince();
        long bestSecond = bestIdle.getEpochSecond();
        int bestNano = bestIdle.getNano();
        int tied = 1;
        for (int i = 1; i < count; i++) {
            CandidateAgent agent = candidates.get(i);
            long score = score(agent, skills);
            if (score < bestScore) {
                continue;
            }
            Instant idle = agent.idleSince();
            long second = idle.getEpochSecond();
            int nano = idle.getNano();
            if (score > bestScore) {
                tied = 1;
            } else {
                tied++;
                if (second > bestSecond || (second == bestSecond && (nano > bestNano
                        || (nano == bestNano && agent.agentId().compareTo(best.agentId()) >= 0)))) {
                    continue;
                }
            }
            best = agent;
            bestScore = score;
            bestSecond = second;
            bestNano = nano;
        }
        return RoutingDecision.choose(best.agentId(), reason(best, bestScore, tied, requiredSkills, request.now()));
    }

    private static long score(CandidateAgent agent, String[] skills) {
        long score = 0;
        for (String skill : skills) {
            score += agent.level(skill);
        }
        return score;
    }

    private static String reason(CandidateAgent best, long score, int tied, Set<String> skills, Instant now) {
        long idle = Math.max(0, Duration.between(best.idleSince(), now).toSeconds());
        if (skills.isEmpty()) {
            return "no skill required: " + best.agentId() + " idle longest (" + idle + " s)";
        }
        StringBuilder reason = new StringBuilder()
                .append(best.agentId()).append(" best skill match (level sum ").append(score)
                .append(" in ").append(String.join(", ", new TreeSet<>(skills))).append(')');
        if (tied > 1) {
            reason.append(", idle longest (").append(idle).append(" s) of the ").append(tied)
                    .append(" with that sum");
        }
        return reason.toString();
    }
}
