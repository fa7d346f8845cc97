package org.switchboard.acd.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallDetailRecord;

/** A call the distributor holds, from enqueue until it ends. Touched only on the decision thread. */
final class WaitingCall {
    final InboundCall call;
    final CallerLeg leg;
    final long arrivalOrder;
    CallDetailRecord record;
    /** The queue the call waits in now (overflow moves it). */
    String queue;
    /** Queue priority plus the call's own. */
    int priority;
    final Set<String> visitedQueues = new LinkedHashSet<>();
    /** Agents whose phones ring with this call now (more than one for ring-all). */
    final Set<String> offeredTo = new LinkedHashSet<>();
    String answeredBy;
    Timers.Timer maxWaitTimer;
    boolean maxWaitReached;

    WaitingCall(InboundCall call, CallerLeg leg, long arrivalOrder, CallDetailRecord record) {
        this.call = call;
        this.leg = leg;
        this.arrivalOrder = arrivalOrder;
        this.record = record;
        this.queue = call.queue();
        visitedQueues.add(call.queue());
    }

    String id() {
        return call.callId();
    }

    boolean isAnswered() {
        return answeredBy != null;
    }
}
