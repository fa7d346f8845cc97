package org.switchboard.web.internal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/**
 * Call control in memory, as the SIP edge answers it: calls connected to agents, registered phones, and the
 * supervisions of those calls. Every request that reaches it is kept in {@link #requests}, in order.
 */
final class FakeCallControl implements CallControl {
    final List<String> requests = new ArrayList<>();
    private final Map<String, String> agentOfCall = new LinkedHashMap<>();
    private final Set<String> registeredPhones = new TreeSet<>();
    private final Map<String, Supervision> supervisions = new LinkedHashMap<>();
    private int dialled;

    /** A call answered by an agent, in progress. */
    FakeCallControl connected(String callId, String agentId) {
        agentOfCall.put(callId, agentId);
        return this;
    }

    FakeCallControl registered(String extension) {
        registeredPhones.add(extension);
        return this;
    }

    /** The supervisor's phone answers the server's call. */
    synchronized void answer(String callId, String extension) {
        Supervision ringing = supervisions.get(key(callId, extension));
        supervisions.put(key(callId, extension), new Supervision(callId, extension, ringing.mode(), true));
    }

    @Override
    public synchronized void hangUp(String callId) throws CallControlException {
        requests.add("hangUp " + callId);
        agentOf(callId);
        agentOfCall.remove(callId);
        supervisions.values().removeIf(s -> s.callId().equals(callId));
    }

    @Override
    public synchronized void hold(String callId) throws CallControlException {
        requests.add("hold " + callId);
        agentOf(callId);
    }

    @Override
    public synchronized void resume(String callId) throws CallControlException {
        requests.add("resume " + callId);
        agentOf(callId);
    }

    @Override
    public synchronized void transfer(String callId, String target) throws CallControlException {
        requests.add("transfer " + callId + " " + target);
        agentOf(callId);
    }

    @Override
    public synchronized String dial(String agentId, String number) {
        requests.add("dial " + agentId + " " + number);
        return "dialled-" + ++dialled;
    }

    @Override
    public synchronized void supervise(String callId, String extension, SupervisionMode mode)
            throws CallControlException {
        requests.add("supervise " + callId + " " + extension + " " + mode);
        String agent = agentOf(callId);
        if (!registeredPhones.contains(extension)) {
            throw new CallControlException("extension " + extension + " has no registered phone");
        }
        if (agent.equals(extension)) {
            throw new CallControlException("extension " + extension + " is the call's own agent");
        }
        Supervision current = supervisions.get(key(callId, extension));
        supervisions.put(key(callId, extension), new Supervision(callId, extension, mode,
                current != null && current.connected()));
    }

    @Override
    public synchronized void endSupervision(String callId, String extension) throws CallControlException {
        requests.add("endSupervision " + callId + " " + extension);
        if (supervisions.remove(key(callId, extension)) == null) {
            throw new CallControlException("phone " + extension + " does not take part in call " + callId);
        }
    }

    @Override
    public synchronized List<Supervision> supervisions() {
        return List.copyOf(supervisions.values());
    }

    private String agentOf(String callId) throws CallControlException {
        String agent = agentOfCall.get(callId);
        if (agent == null) {
            throw new CallControlException("call " + callId + " is not connected to an agent");
        }
        return agent;
    }

    private static String key(String callId, String extension) {
        return callId + "/" + extension;
    }
}
