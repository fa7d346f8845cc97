package org.switchboard.api.acd;

import java.util.List;

/**
 * Durable journal of agents' state changes. Called from the distributor's decision thread; returns once the
 * change is durable.
 */
public interface AgentStateJournal {

    void append(AgentStateChange change);

    /** The agent's most recent changes, newest first, at most {@code limit}. */
    List<AgentStateChange> history(String agentId, int limit);
}
