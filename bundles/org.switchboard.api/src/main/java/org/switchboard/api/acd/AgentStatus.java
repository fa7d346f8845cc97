package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one agent.
 *
 * @param agentId        the agent's id
 * @param name           the agent's display name
 * @param phone          the SIP user of the agent's phone
 * @param state          current state
 * @param since          when the agent entered that state
 * @param queues         queues the agent is logged in to (empty when logged out)
 * @param callId         the call the agent is being offered or is on, or {@code null}
 * @param phoneContact   where the agent's phone is registered, or {@code null} when it is not
 * @param availability   why the agent can or cannot be offered a call now, in words
 * @param pauseReason    the reason code of the pause, or {@code null} when not paused
 * @param skills         the agent's skills with levels 1-10
 * @param kpis           the agent's work so far
 */
public record AgentStatus(String agentId, String name, String phone, AgentState state, Instant since,
        List<String> queues, String callId, String phoneContact, String availability, String pauseReason,
        Map<String, Integer> skills, AgentKpis kpis) {
    public AgentStatus {
        queues = List.copyOf(queues);
        skills = Map.copyOf(skills);
    }
}
