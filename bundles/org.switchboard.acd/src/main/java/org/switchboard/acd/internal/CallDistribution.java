package org.switchboard.acd.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.sip.PhoneRegistration;

/**
 * The distributor's state machine: queues with their waiting calls, agents with their states, and the choice
 * of agent (longest idle). Not thread-safe: every method runs on the distributor's single decision thread,
 * which is what makes races such as "two calls for the last agent" impossible by construction.
 */
final class CallDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(CallDistribution.class);

    private final Clock clock;
    private final CallDetailRecordStore records;
    private final AgentStateJournal journal;
    private final PhoneLocator phones;
    private final Timers timers;

    private final Map<String, QueueLine> queues = new LinkedHashMap<>();
    private final Map<String, AgentSeat> agents = new LinkedHashMap<>();
    private final Map<String, WaitingCall> calls = new HashMap<>();
    private long arrivals;

    CallDistribution(Clock clock, CallDetailRecordStore records, AgentStateJournal journal, PhoneLocator phones,
            Timers timers) {
        this.clock = clock;
        this.records = records;
        this.journal = journal;
        this.phones = phones;
        this.timers = timers;
    }

    // ---- configuration

    void defineQueue(QueueSettings settings) throws SettingsException {
        for (QueueLine other : queues.values()) {
            if (!other.name().equals(settings.name())) {
                for (String number : settings.numbers()) {
                    if (other.settings.numbers().contains(number)) {
                        throw new SettingsException("numbers", number + " already leads to queue " + other.name());
                    }
                }
            }
        }
        QueueLine line = queues.get(settings.name());
        if (line == null) {
            queues.put(settings.name(), new QueueLine(settings));
        } else {
            line.settings = settings;
        }
        dispatch();
    }

    void removeQueue(String name) {
        QueueLine line = queues.remove(name);
        if (line == null) {
            return;
        }
        for (WaitingCall call : List.copyOf(line.waiting)) {
            finish(call, Disposition.FAILED, "queue " + name + " removed from the configuration");
            call.leg.release(503, "Service Unavailable");
        }
        for (AgentSeat agent : agents.values()) {
            agent.queues.remove(name);
        }
    }

    void defineAgent(AgentSettings settings) {
        AgentSeat seat = agents.get(settings.id());
        if (seat == null) {
            agents.put(settings.id(), new AgentSeat(settings, now()));
        } else {
            seat.settings = settings;
        }
        dispatch();
    }

    void removeAgent(String id) {
        AgentSeat seat = agents.get(id);
        if (seat != null) {
            logout(id);
            if (seat.state == AgentState.LOGGED_OUT) {
                agents.remove(id);
            }
        }
    }

    Map<String, String> queueNumbers() {
        Map<String, String> numbers = new HashMap<>();
        queues.values().forEach(q -> q.settings.numbers().forEach(n -> numbers.put(n, q.name())));
        return numbers;
    }

    Map<String, String> phonePasswords() {
        Map<String, String> passwords = new HashMap<>();
        agents.values().forEach(a -> passwords.put(a.settings.phone(), a.settings.password()));
        return passwords;
    }

    // ---- agents

    AgentStatus login(String agentId, List<String> queueNames) {
        AgentSeat agent = knownAgent(agentId);
        if (queueNames.isEmpty()) {
            throw new AcdException("agent " + agentId + " must log in to at least one queue");
        }
        for (String queue : queueNames) {
            if (!queues.containsKey(queue)) {
                throw new AcdException("no queue named '" + queue + "'; queues are " + queues.keySet());
            }
        }
        agent.queues.clear();
        agent.queues.addAll(queueNames);
        agent.logoutAfterCall = false;
        if (agent.state == AgentState.LOGGED_OUT) {
            agent.unansweredInARow = 0;
            enter(agent, AgentState.AVAILABLE, "logged in to " + String.join(",", queueNames));
        }
        dispatch();
        return status(agent);
    }

    AgentStatus logout(String agentId) {
        AgentSeat agent = knownAgent(agentId);
        switch (agent.state) {
            case LOGGED_OUT -> {
                return status(agent);
            }
            case ON_CALL, WRAP_UP -> agent.logoutAfterCall = true;
            case RESERVED, RINGING -> {
                WaitingCall call = calls.get(agent.callId);
                agent.callId = null;
                agent.queues.clear();
                enter(agent, AgentState.LOGGED_OUT, "logged out while being offered a call");
                if (call != null) {
                    call.leg.withdrawOffer(agentId);
                }
            }
            default -> {
                agent.queues.clear();
                enter(agent, AgentState.LOGGED_OUT, "logged out");
            }
        }
        return status(agent);
    }

    List<AgentStatus> agents() {
        return agents.values().stream().map(this::status).toList();
    }

    Optional<AgentStatus> agent(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(this::status);
    }

    List<QueueStatus> queues() {
        Instant now = now();
        List<QueueStatus> result = new ArrayList<>();
        for (QueueLine line : queues.values()) {
            Duration longest = line.waiting.isEmpty() ? Duration.ZERO
                    : Duration.between(line.waiting.first().call.arrivedAt(), now);
            long loggedIn = agents.values().stream().filter(a -> a.queues.contains(line.name())).count();
            long available = agents.values().stream().filter(a -> canTake(a, line.name())).count();
            result.add(new QueueStatus(line.name(), line.settings.numbers(), line.waiting.size(), longest,
                    (int) loggedIn, (int) available, line.settings.maxWait(), line.settings.ringTimeout()));
        }
        return result;
    }

    // ---- calls

    void enqueue(InboundCall call, CallerLeg leg) {
        QueueLine line = queues.get(call.queue());
        if (line == null) {
            LOG.warn("call {} for unknown queue {} refused", call.callId(), call.queue());
            leg.release(404, "Not Found");
            return;
        }
        WaitingCall waiting = new WaitingCall(call, leg, arrivals++,
                CallDetailRecord.arrived(call.callId(), call.ani(), call.dnis(), call.queue(), call.arrivedAt()));
        try {
            records.save(waiting.record, new CallStateChange(call.callId(), CallState.QUEUED, call.arrivedAt(),
                    "from " + call.ani() + " to " + call.dnis()));
        } catch (RuntimeException e) {
            LOG.error("call {} refused: its record could not be written", call.callId(), e);
            leg.release(503, "Service Unavailable");
            return;
        }
        calls.put(call.callId(), waiting);
        line.waiting.add(waiting);
        Duration left = line.settings.maxWait().minus(Duration.between(call.arrivedAt(), now()));
        waiting.maxWaitTimer = timers.schedule(left.isNegative() ? Duration.ZERO : left,
                () -> maxWaitReached(call.callId()));
        dispatch();
    }

    void agentRinging(String callId, String agentId) {
        AgentSeat agent = agents.get(agentId);
        if (agent != null && callId.equals(agent.callId) && agent.state == AgentState.RESERVED) {
            enter(agent, AgentState.RINGING, "ringing with call " + callId);
        }
    }

    void offerAnswered(String callId, String agentId) {
        WaitingCall call = calls.get(callId);
        AgentSeat agent = agents.get(agentId);
        if (call == null || agent == null || !agentId.equals(call.offeredTo)) {
            LOG.warn("answer of call {} by agent {} does not match an offer; ignored", callId, agentId);
            return;
        }
        cancelMaxWait(call);
        call.record = call.record.answered(agentId, now());
        save(call, "answered by " + agentId);
        agent.callId = callId;
        agent.unansweredInARow = 0;
        enter(agent, AgentState.ON_CALL, "answered call " + callId);
    }

    void offerFailed(String callId, String agentId, OfferOutcome outcome, String detail) {
        AgentSeat agent = agents.get(agentId);
        if (agent != null && callId.equals(agent.callId)) {
            agent.callId = null;
            agent.unansweredInARow++;
            int allowed = Optional.ofNullable(queues.get(callQueue(callId))).map(q -> q.settings.maxNoAnswers())
                    .orElse(Integer.MAX_VALUE);
            if (agent.unansweredInARow >= allowed) {
                enter(agent, AgentState.PAUSED, agent.unansweredInARow + " offers in a row not answered (last: "
                        + outcome.name().toLowerCase() + ")");
            } else {
                enter(agent, AgentState.AVAILABLE, "offer of call " + callId + " not answered: " + detail);
            }
        }
        WaitingCall call = calls.get(callId);
        if (call != null && agentId.equals(call.offeredTo)) {
            call.offeredTo = null;
            if (call.maxWaitReached) {
                releaseNoAgent(call);
            } else {
                call.record = call.record.requeued();
                save(call, "back in queue: agent " + agentId + " " + detail);
                queues.get(call.call.queue()).waiting.add(call);
            }
        }
        dispatch();
    }

    void callerAbandoned(String callId) {
        WaitingCall call = calls.get(callId);
        if (call == null || call.record.state() == CallState.ANSWERED) {
            return;
        }
        finish(call, Disposition.ABANDONED, "caller hung up after waiting "
                + call.record.waitSeconds(now()) + " s");
        dispatch();
    }

    void callEnded(String callId, String hungUpBy) {
        WaitingCall call = calls.get(callId);
        if (call != null) {
            finish(call, Disposition.ANSWERED, "hung up by " + hungUpBy);
            dispatch();
        }
    }

    void callFailed(String callId, String reason) {
        WaitingCall call = calls.get(callId);
        if (call != null) {
            finish(call, Disposition.FAILED, reason);
            dispatch();
        }
    }

    int callsInProgress() {
        return calls.size();
    }

    // ---- internals

    private void maxWaitReached(String callId) {
        WaitingCall call = calls.get(callId);
        if (call == null || call.record.state() == CallState.ANSWERED) {
            return;
        }
        if (call.offeredTo == null) {
            releaseNoAgent(call);
            dispatch();
        } else {
            call.maxWaitReached = true;
        }
    }

    private void releaseNoAgent(WaitingCall call) {
        finish(call, Disposition.NO_AGENT, "no agent within " + queueSettings(call).maxWait().toSeconds() + " s");
        call.leg.release(480, "Temporarily Unavailable");
    }

    /** Ends the call: closes its record, frees its agent, forgets it. */
    private void finish(WaitingCall call, Disposition disposition, String detail) {
        calls.remove(call.id());
        cancelMaxWait(call);
        QueueLine line = queues.get(call.call.queue());
        if (line != null) {
            line.waiting.remove(call);
        }
        call.record = call.record.ended(disposition, now());
        save(call, disposition.label() + ": " + detail);
        AgentSeat agent = call.record.agentId() == null ? null : agents.get(call.record.agentId());
        if (agent != null && call.id().equals(agent.callId)) {
            agent.callId = null;
            if (agent.logoutAfterCall) {
                agent.logoutAfterCall = false;
                agent.queues.clear();
                enter(agent, AgentState.LOGGED_OUT, "logged out after call " + call.id());
            } else {
                enter(agent, AgentState.AVAILABLE, "call " + call.id() + " ended");
            }
        }
    }

    /** Offers waiting calls to agents that became able to take them by something outside (a registration). */
    void redistribute() {
        dispatch();
    }

    /** Offers waiting calls, oldest first across queues, to the agent idle the longest. */
    private void dispatch() {
        while (true) {
            WaitingCall best = null;
            AgentSeat chosen = null;
            for (QueueLine line : queues.values()) {
                if (line.waiting.isEmpty()) {
                    continue;
                }
                WaitingCall head = line.waiting.first();
                if (best != null && best.arrivalOrder < head.arrivalOrder) {
                    continue;
                }
                Optional<AgentSeat> agent = agents.values().stream().filter(a -> canTake(a, line.name()))
                        .min(Comparator.comparing((AgentSeat a) -> a.since).thenComparing(AgentSeat::id));
                if (agent.isPresent()) {
                    best = head;
                    chosen = agent.get();
                }
            }
            if (best == null) {
                return;
            }
            offer(best, chosen);
        }
    }

    private void offer(WaitingCall call, AgentSeat agent) {
        queues.get(call.call.queue()).waiting.remove(call);
        PhoneRegistration phone = phones.locate(agent.settings.phone()).orElseThrow();
        agent.callId = call.id();
        enter(agent, AgentState.RESERVED, "offered call " + call.id());
        call.offeredTo = agent.id();
        call.record = call.record.offered(agent.id(), now());
        save(call, "offered to agent " + agent.id() + " at " + phone.contact());
        call.leg.offer(new AgentOffer(call.id(), agent.id(), phone.contact(), queueSettings(call).ringTimeout()));
    }

    private boolean canTake(AgentSeat agent, String queue) {
        return agent.state == AgentState.AVAILABLE && agent.queues.contains(queue)
                && phones.locate(agent.settings.phone()).isPresent();
    }

    private AgentStatus status(AgentSeat agent) {
        Optional<PhoneRegistration> phone = phones.locate(agent.settings.phone());
        String availability;
        if (agent.state == AgentState.LOGGED_OUT) {
            availability = "logged out";
        } else if (phone.isEmpty()) {
            availability = "phone " + agent.settings.phone() + " is not registered: no calls are offered";
        } else if (agent.state == AgentState.AVAILABLE) {
            availability = "can take calls";
        } else if (agent.state == AgentState.PAUSED) {
            availability = "paused";
        } else {
            availability = "busy with call " + agent.callId;
        }
        return new AgentStatus(agent.id(), agent.settings.name(), agent.settings.phone(), agent.state, agent.since,
                List.copyOf(agent.queues), agent.callId, phone.map(PhoneRegistration::contact).orElse(null),
                availability);
    }

    private void enter(AgentSeat agent, AgentState state, String reason) {
        agent.state = state;
        agent.since = now();
        try {
            journal.append(new AgentStateChange(agent.id(), state, agent.since, reason));
        } catch (RuntimeException e) {
            LOG.error("agent {} entered {} but the change could not be journaled", agent.id(), state, e);
        }
    }

    private void save(WaitingCall call, String detail) {
        try {
            records.save(call.record, new CallStateChange(call.id(), call.record.state(), now(), detail));
        } catch (RuntimeException e) {
            LOG.error("call {} is {} but its record could not be written", call.id(), call.record.state(), e);
        }
    }

    private void cancelMaxWait(WaitingCall call) {
        if (call.maxWaitTimer != null) {
            call.maxWaitTimer.cancel();
            call.maxWaitTimer = null;
        }
    }

    private QueueSettings queueSettings(WaitingCall call) {
        QueueLine line = queues.get(call.call.queue());
        return line != null ? line.settings
                : new QueueSettings(call.call.queue(), List.of(), Duration.ZERO, Duration.ofSeconds(20), 3);
    }

    private String callQueue(String callId) {
        WaitingCall call = calls.get(callId);
        return call == null ? "" : call.call.queue();
    }

    private AgentSeat knownAgent(String agentId) {
        AgentSeat agent = agents.get(agentId);
        if (agent == null) {
            throw new AcdException("no agent '" + agentId + "'; agents are " + agents.keySet());
        }
        return agent;
    }

    private Instant now() {
        return clock.instant();
    }
}
