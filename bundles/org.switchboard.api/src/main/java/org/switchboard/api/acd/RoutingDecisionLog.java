package org.switchboard.api.acd;

import java.util.List;

/**
 * Durable log of routing decisions, read by {@code callcenter:why}. Called from the distributor's decision
 * thread; returns once the record is durable.
 */
public interface RoutingDecisionLog {

    void append(RoutingDecisionRecord decision);

    /** The decisions about a call, oldest first. */
    List<RoutingDecisionRecord> forCall(String callId);
}
