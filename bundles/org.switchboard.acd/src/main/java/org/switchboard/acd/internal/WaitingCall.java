package org.switchboard.acd.internal;

import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallDetailRecord;

/** A call the distributor holds, from enqueue until it ends. Touched only on the decision thread. */
final class WaitingCall {
    final InboundCall call;
    final CallerLeg leg;
    final long arrivalOrder;
    CallDetailRecord record;
    String offeredTo;
    Timers.Timer maxWaitTimer;
    boolean maxWaitReached;

    WaitingCall(InboundCall call, CallerLeg leg, long arrivalOrder, CallDetailRecord record) {
        this.call = call;
        this.leg = leg;
        this.arrivalOrder = arrivalOrder;
        this.record = record;
    }

    String id() {
        return call.callId();
    }
}
