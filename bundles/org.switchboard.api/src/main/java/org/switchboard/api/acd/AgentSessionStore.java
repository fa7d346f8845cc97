package org.switchboard.api.acd;

import java.util.List;

/**
 * Durable copy of the sessions of the agents who are logged in. Called from the distributor's decision thread;
 * a write returns once it is durable.
 */
public interface AgentSessionStore {

    /**
     * Keeps the session, replacing the one the agent had.
     *
     * @throws org.switchboard.api.call.StoreException when the database refuses the write
     */
    void save(AgentSession session);

    /** Forgets the agent's session (the agent logged out); nothing happens when it has none. */
    void remove(String agentId);

    /** Every session kept, by agent id. */
    List<AgentSession> all();
}
