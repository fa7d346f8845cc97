package org.switchboard.routing.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses, among the agents who could take a waiting call, which one is offered it.
 * <p>
 * <b>Registration.</b> Register the implementation as an OSGi service of this interface with the service property
 * {@value #NAME_PROPERTY} set to the strategy's name (for example {@code "round-robin"}); queues select it by
 * that name. The version shown to operators is the version of the bundle that registers the service.
 * <p>
 * <b>Threading and time.</b> The distributor calls {@link #decide} for one call at a time, from one thread at a
 * time, but not always the same thread. The method must return within the queue's time budget (typically
 * 50 ms; aim for microseconds) and must not block on I/O. A decision that throws, returns {@code null}, names
 * agents that were not candidates, or is late, is discarded and logged, and the queue's fallback strategy
 * decides that call instead; the call is never lost because of a strategy.
 * <p>
 * <b>Isolation.</b> By default each decision runs on a thread of the distributor's strategy pool, so that even a
 * strategy that never returns cannot hold up the distributor; the hand-over costs some microseconds. A
 * strategy that is known to be fast and non-blocking (a bounded loop over the candidates, no I/O, no locks held
 * for long) may declare the service property {@value #INLINE_PROPERTY}{@code =true}: it is then called on the
 * distributor's decision thread itself. An inline strategy that overruns its budget once is logged and
 * demoted to the pool for the rest of its life.
 * <p>
 * <b>Ranking.</b> The distributor offers the call to the first agent of the ranking (to all of them for
 * ring-all); a strategy may return just its choice.
 * <p>
 * <b>State.</b> The request is an immutable snapshot: nothing the strategy does with it changes the
 * distributor. A strategy may keep its own state between decisions (a round-robin position, for example); it
 * is discarded when its bundle is updated or stopped.
 */
@ConsumerType
public interface RoutingStrategy {

    /** Service property holding the strategy's name. */
    String NAME_PROPERTY = "switchboard.routing.strategy";

    /** Service property: {@code true} when the strategy may run on the distributor's own decision thread. */
    String INLINE_PROPERTY = "switchboard.routing.inline";

    /**
     * Ranks the candidates for the call.
     *
     * @param request the call and its candidate agents, never empty of candidates
     * @return the agents to offer the call to, best first, with the reason; never {@code null}
     */
    RoutingDecision decide(RoutingRequest request);
}
