package org.switchboard.api.acd;

import java.util.List;
import java.util.Optional;

/**
 * What an agent, a supervisor or an operator does with agents and looks at in queues. Serves the shell,
 * and later the REST API and the console. Methods return at once; they never wait for a call.
 */
public interface AgentDesk {

    /**
     * Logs the agent in to the given queues (all the queues of the agent's configuration when the list is
     * empty) and makes it available.
     *
     * @throws AcdException when the agent or a queue does not exist
     */
    AgentStatus login(String agentId, List<String> queues);

    /**
     * Pauses the agent with a reason code from the configured list; an agent on a call or in wrap-up is paused
     * when that ends.
     *
     * @throws AcdException when the agent does not exist, is logged out, or the reason is not configured
     */
    AgentStatus pause(String agentId, String reason);

    /**
     * Makes a paused agent (or one in wrap-up) available.
     *
     * @throws AcdException when the agent does not exist or is logged out
     */
    AgentStatus ready(String agentId);

    /**
     * Logs the agent out. An agent on a call stays on it; it is logged out when the call ends.
     *
     * @throws AcdException when the agent does not exist
     */
    AgentStatus logout(String agentId);

    List<AgentStatus> agents();

    Optional<AgentStatus> agent(String agentId);

    List<QueueStatus> queues();

    Optional<QueueStatus> queue(String name);

    /**
     * The calls waiting in the queue now, the next to be served first (calls ringing an agent are not waiting).
     *
     * @throws AcdException when the queue does not exist
     * @since 1.2
     */
    List<WaitingCallView> waitingCalls(String queue);

    /** Routing strategies installed now, with the queues that use them. */
    List<StrategyInfo> strategies();

    /**
     * Makes the queue use the strategy, through the queue's configuration (so its etc/ file says the same).
     * The change applies to the next decision; calls waiting or ringing are not affected.
     *
     * @throws AcdException when the queue does not exist or has no configuration to change
     */
    void setStrategy(String queue, String strategy);

    /** The pause reason codes agents may use. */
    List<String> pauseReasons();
}
