package org.switchboard.acd.internal;

/** Where the configuration components hand the distributor their queues and agents. */
interface AcdDefinitions {

    /** Adds or replaces the queue; refuses it (changing nothing) when it conflicts with another queue. */
    void defineQueue(QueueSettings settings) throws SettingsException;

    void removeQueue(String name);

    void defineAgent(AgentSettings settings);

    /**
     * Withdraws the agent. Its session (logged in, queues, pause) ends only when {@code endSession}: when its
     * configuration was deleted, not when its bundle or the server stops.
     */
    void removeAgent(String id, boolean endSession);
}
