package org.switchboard.api.acd;

import java.util.List;
import java.util.Optional;

/**
 * What an agent, a supervisor or an operator does with agents and looks at in queues. Serves the shell,
 * and later the REST API and the console. Methods return at once; they never wait for a call.
 */
public interface AgentDesk {

    /**
     * Logs the agent in to the given queues and makes it available.
     *
     * @throws AcdException when the agent or a queue does not exist
     */
    AgentStatus login(String agentId, List<String> queues);

    /**
     * Logs the agent out. An agent on a call stays on it; it is logged out when the call ends.
     *
     * @throws AcdException when the agent does not exist
     */
    AgentStatus logout(String agentId);

    List<AgentStatus> agents();

    Optional<AgentStatus> agent(String agentId);

    List<QueueStatus> queues();
}
