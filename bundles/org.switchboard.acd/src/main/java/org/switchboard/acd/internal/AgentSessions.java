package org.switchboard.acd.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.acd.AgentSessionStore;
import org.switchboard.api.acd.AgentState;

/**
 * Keeps the durable copy of each agent's session in step with the agent, and hands the copies found at start back
 * to their agents as they get defined. Touched only on the decision thread.
 * <p>
 * A session is what the agent will be once its current call, if any, is over, because a restart ends that call:
 * logged in to its queues, and paused with a reason (also one asked for during the call) or available. An agent
 * who asked to log out after its call has no session. Only the agent's own changes are written, and only when the
 * session changes (not at every ring or answer).
 */
final class AgentSessions {
    private static final Logger LOG = LoggerFactory.getLogger(AgentSessions.class);

    /** Keeps nothing: every start finds all agents logged out. */
    static final AgentSessionStore NOT_KEPT = new AgentSessionStore() {
        @Override
        public void save(AgentSession session) {
        }

        @Override
        public void remove(String agentId) {
        }

        @Override
        public List<AgentSession> all() {
            return List.of();
        }
    };

    /** A session without its time, to tell whether it changed. */
    private record Content(List<String> queues, String pausedReason) {
    }

    private final AgentSessionStore store;
    private final Map<String, Content> stored = new HashMap<>();
    private final Map<String, AgentSession> awaitingTheirAgent = new HashMap<>();

    AgentSessions(AgentSessionStore store) {
        this.store = store;
    }

    /** Reads the sessions kept before this start; each waits until its agent is defined. */
    int load() {
        try {
            for (AgentSession session : store.all()) {
                stored.put(session.agentId(), new Content(session.queues(), session.pausedReason()));
                awaitingTheirAgent.put(session.agentId(), session);
            }
        } catch (RuntimeException e) {
            LOG.error("the agents' sessions could not be read: every agent starts logged out", e);
        }
        return awaitingTheirAgent.size();
    }

    /** The session the agent had before the start, once: the agent has just been defined. */
    Optional<AgentSession> restorable(String agentId) {
        return Optional.ofNullable(awaitingTheirAgent.remove(agentId));
    }

    /** The agent's definition is withdrawn but its session is kept: it comes back if the agent is defined again. */
    void setAside(String agentId, Instant now) {
        Content content = stored.get(agentId);
        if (content != null) {
            awaitingTheirAgent.put(agentId, new AgentSession(agentId, content.queues(), content.pausedReason(), now));
        }
    }

    /** Writes the agent's session if it changed: saved while logged in, removed once logged out. */
    void keep(AgentSeat agent, Instant now) {
        Content wanted = sessionOf(agent);
        if (Objects.equals(wanted, stored.get(agent.id()))) {
            return;
        }
        try {
            if (wanted == null) {
                store.remove(agent.id());
                stored.remove(agent.id());
            } else {
                store.save(new AgentSession(agent.id(), wanted.queues(), wanted.pausedReason(), now));
                stored.put(agent.id(), wanted);
            }
        } catch (RuntimeException e) {
            LOG.error("the session of agent {} could not be written: a restart would not give it back as it is now",
                    agent.id(), e);
        }
    }

    private static Content sessionOf(AgentSeat agent) {
        if (!agent.isLoggedIn() || agent.logoutAfterCall) {
            return null;
        }
        String reason = agent.state == AgentState.PAUSED ? agent.pauseReason : agent.pauseAfterCall;
        return new Content(List.copyOf(agent.queues.keySet()), reason);
    }
}
