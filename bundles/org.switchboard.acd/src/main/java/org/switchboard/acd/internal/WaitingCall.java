package org.switchboard.acd.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallVariables;

/** A call the distributor holds, from enqueue until it ends. Touched only on the decision thread. */
final class WaitingCall {
    final InboundCall call;
    final CallerLeg leg;
    final long arrivalOrder;
    CallDetailRecord record;
    /** The queue the call waits in now (overflow moves it). */
    String queue;
    /** Queue priority plus the call's own ({@link #ownPriority()}). */
    int priority;
    /** Added to the call's own priority by enrichers. */
    int priorityBoost;
    /** What is known about the call: the IVR's variables, then the enrichers'. Immutable, replaced on change. */
    Map<String, String> variables;
    /** The enrichers not heard from yet; {@code null} when the call may be routed. */
    EnrichmentRound enrichment;
    /** When the call entered the queue it waits in now. */
    Instant enteredQueueAt;
    final Set<String> visitedQueues = new LinkedHashSet<>();
    /** Agents whose phones ring with this call now (more than one for ring-all). */
    final Set<String> offeredTo = new LinkedHashSet<>();
    String answeredBy;
    Timers.Timer maxWaitTimer;
    boolean maxWaitReached;
    /** Where to call the customer back, once they asked for it; the call then keeps its place, without a leg. */
    String callbackNumber;
    /** Times the server called back and the customer did not answer. */
    int callbackAttempts;
    /**
     * The one agent this call is for (a transfer to an agent, variable {@link #DIRECTED_TO}); until the queue's
     * maximum wait, no other agent is offered it, after that the queue serves it as any other call.
     */
    String directedTo;

    /** An agent's call out (dial from the desktop): in no queue, offered to that agent only. */
    boolean outbound;

    /** The call variable that sends a call to one agent. */
    static final String DIRECTED_TO = CallVariables.TRANSFER_TO_AGENT;

    WaitingCall(InboundCall call, CallerLeg leg, long arrivalOrder, CallDetailRecord record) {
        this.call = call;
        this.leg = leg;
        this.arrivalOrder = arrivalOrder;
        this.record = record;
        this.queue = call.queue();
        this.variables = call.variables();
        this.directedTo = call.variables().get(DIRECTED_TO);
        visitedQueues.add(call.queue());
    }

    int ownPriority() {
        return call.priority() + priorityBoost;
    }

    /** Adds or replaces variables. */
    void addVariables(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(variables);
        merged.putAll(more);
        variables = Map.copyOf(merged);
    }

    String id() {
        return call.callId();
    }

    boolean isAnswered() {
        return answeredBy != null;
    }

    boolean isCallback() {
        return callbackNumber != null;
    }
}
