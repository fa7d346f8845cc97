package org.switchboard.sip.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.ivr.IvrCall;
import org.switchboard.api.media.MediaLeg;

/** A caller's leg handed to a call flow: what the flow does to it, the bridged call does. */
final class CallFlowLeg implements IvrCall {
    private final BridgedCall call;
    private final CallBridge bridge;
    private final Clock clock;

    CallFlowLeg(BridgedCall call, CallBridge bridge, Clock clock) {
        this.call = call;
        this.bridge = bridge;
        this.clock = clock;
    }

    @Override
    public String callId() {
        return call.id();
    }

    @Override
    public String ani() {
        return call.ani;
    }

    @Override
    public String dnis() {
        return call.dnis;
    }

    @Override
    public MediaLeg answer() {
        return call.answerCaller();
    }

    @Override
    public void reject(int sipStatus, String reason) {
        call.rejectCaller(sipStatus, reason);
    }

    @Override
    public void hangUp() {
        call.hangUpCaller();
    }

    /** The call's wait in the queue starts now, not when the flow answered it. */
    @Override
    public void enqueue(String queue, int priority, Map<String, String> variables) {
        call.enqueue(new InboundCall(call.id(), call.ani, call.dnis, queue, clock.instant(), priority, variables));
    }

    @Override
    public void saveVariables(Map<String, String> variables) {
        bridge.distributor().ifPresent(acd -> acd.addVariables(call.id(), variables));
    }

    @Override
    public boolean requestCallback(List<String> confirmation) {
        return call.requestCallback(confirmation, bridge.outboundTrunk().isPresent());
    }

    @Override
    public Optional<QueuePlace> queuePlace() {
        return bridge.distributor().flatMap(acd -> acd.queuePlace(call.id()))
                .map(place -> new QueuePlace(place.position(), place.estimatedWait()));
    }

    @Override
    public void onEnded(Runnable action) {
        call.onEnded(action);
    }
}
