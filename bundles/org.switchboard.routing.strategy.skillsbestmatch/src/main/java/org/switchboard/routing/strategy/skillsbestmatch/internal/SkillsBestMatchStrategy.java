package org.switchboard.routing.strategy.skillsbestmatch.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=skills-best-match")
public class SkillsBestMatchStrategy implements RoutingStrategy {

    private record Match(CandidateAgent agent, long score) {
    }

    private static final Comparator<Match> BEST_MATCH_FIRST =
            Comparator.comparingLong(Match::score).reversed()
                    .thenComparing((Match m) -> m.agent().idleSince())
                    .thenComparing((Match m) -> m.agent().agentId());

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        Set<String> skills = request.call().requiredSkills().keySet();
        Match[] matches = new Match[request.candidates().size()];
        for (int i = 0; i < matches.length; i++) {
            CandidateAgent agent = request.candidates().get(i);
            long score = 0;
            for (String skill : skills) {
                score += agent.level(skill);
            }
            matches[i] = new Match(agent, score);
        }
        Arrays.sort(matches, BEST_MATCH_FIRST);

        List<String> ranked = new ArrayList<>(matches.length);
        for (Match match : matches) {
            ranked.add(match.agent().agentId());
        }
        return RoutingDecision.ranked(ranked, reason(matches, skills, request.now()));
    }

    private static String reason(Match[] matches, Set<String> skills, Instant now) {
        Match first = matches[0];
        long idle = Math.max(0, Duration.between(first.agent().idleSince(), now).toSeconds());
        if (skills.isEmpty()) {
            return "no skill required: " + first.agent().agentId() + " idle longest (" + idle + " s)";
        }
        StringBuilder reason = new StringBuilder()
                .append(first.agent().agentId()).append(" best skill match (level sum ").append(first.score())
                .append(" in ").append(String.join(", ", new TreeSet<>(skills))).append(')');
        long tied = Arrays.stream(matches).filter(m -> m.score() == first.score()).count();
        if (tied > 1) {
            reason.append(", idle longest (").append(idle).append(" s) of the ").append(tied)
                    .append(" with that sum");
        }
        return reason.toString();
    }
}
