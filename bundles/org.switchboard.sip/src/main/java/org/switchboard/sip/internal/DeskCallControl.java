package org.switchboard.sip.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/** Call control for the agent's desktop, carried out by the calls of the running back-to-back user agent. */
final class DeskCallControl implements CallControl {
    private final Supplier<Optional<CallBridge>> bridge;
    private final Supplier<Optional<OutboundTrunk>> trunk;
    private final Predicate<String> queueExists;
    private final Function<String, Optional<AgentStatus>> agents;
    private final Function<String, Optional<String>> phones;

    /**
     * @param agents an agent as the distributor has it now, empty when unknown
     * @param phones the contact of an extension's registered phone, empty when it is not registered
     */
    DeskCallControl(Supplier<Optional<CallBridge>> bridge, Supplier<Optional<OutboundTrunk>> trunk,
            Predicate<String> queueExists, Function<String, Optional<AgentStatus>> agents,
            Function<String, Optional<String>> phones) {
        this.bridge = bridge;
        this.trunk = trunk;
        this.queueExists = queueExists;
        this.agents = agents;
        this.phones = phones;
    }

    @Override
    public void hangUp(String callId) throws CallControlException {
        running().call(callId).hangUpFromDesk();
    }

    @Override
    public void hold(String callId) throws CallControlException {
        running().callerCall(callId).holdFromDesk(true);
    }

    @Override
    public void resume(String callId) throws CallControlException {
        running().callerCall(callId).holdFromDesk(false);
    }

    @Override
    public void transfer(String callId, String target) throws CallControlException {
        CallBridge calls = running();
        BridgedCall call = calls.callerCall(callId);
        int colon = target == null ? -1 : target.indexOf(':');
        String kind = colon < 0 ? "" : target.substring(0, colon);
        String to = colon < 0 ? "" : target.substring(colon + 1);
        switch (kind) {
            case "queue" -> {
                if (!queueExists.test(to)) {
                    throw new CallControlException("there is no queue " + to);
                }
                call.transferToQueue(to, calls.newId(), calls.clock().instant(), Optional.empty());
            }
            case "number" -> {
                if (!OutboundTrunk.NUMBER.matcher(to).matches()) {
                    throw new CallControlException("'" + to + "' is not a number to dial (digits, *, #, a leading +)");
                }
                OutboundTrunk outbound = trunk.get().orElseThrow(() -> new CallControlException(
                        "no outbound trunk is configured (outboundTrunk in etc/org.switchboard.sip.cfg)"));
                call.transferToNumber(to, outbound.hostAndPort(), Duration.ofSeconds(outbound.ringSeconds()));
            }
            case "agent" -> {
                String queue = agents.apply(to).flatMap(agent -> agent.queues().stream().findFirst())
                        .orElseThrow(() -> new CallControlException("agent " + to + " is not logged in"));
                call.transferToQueue(queue, calls.newId(), calls.clock().instant(), Optional.of(to));
            }
            default -> throw new CallControlException("target must be queue:NAME, number:DIGITS or agent:ID, not '"
                    + target + "'");
        }
    }

    @Override
    public String dial(String agentId, String number) throws CallControlException {
        if (number == null || !OutboundTrunk.NUMBER.matcher(number).matches()) {
            throw new CallControlException("'" + number + "' is not a number to dial (digits, *, #, a leading +)");
        }
        AgentStatus agent = agents.apply(agentId).orElseThrow(() -> new CallControlException(
                "there is no agent " + agentId));
        if (agent.state() != AgentState.AVAILABLE && agent.state() != AgentState.PAUSED) {
            throw new CallControlException("agent " + agentId + " is " + agent.state().name().toLowerCase()
                    + ": only an available or paused agent can dial out");
        }
        return running().dialOut(agentId, number);
    }

    @Override
    public void supervise(String callId, String extension, SupervisionMode mode) throws CallControlException {
        if (extension == null || extension.isBlank()) {
            throw new CallControlException("the supervisor's extension is missing");
        }
        if (mode == null) {
            throw new CallControlException("the mode is missing (listen, whisper or barge)");
        }
        String contact = phones.apply(extension).orElseThrow(() -> new CallControlException(
                "extension " + extension + " has no registered phone"));
        running().supervisedCall(callId).supervise(extension, contact, mode);
    }

    @Override
    public void endSupervision(String callId, String extension) throws CallControlException {
        running().supervisedCall(callId).endSupervision(extension);
    }

    @Override
    public List<Supervision> supervisions() {
        return bridge.get().map(CallBridge::supervisions).orElse(List.of());
    }

    private CallBridge running() throws CallControlException {
        return bridge.get().orElseThrow(() -> new CallControlException("the SIP edge is not running"));
    }
}
