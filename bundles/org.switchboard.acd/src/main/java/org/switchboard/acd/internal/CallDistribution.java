package org.switchboard.acd.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.acd.AgentSessionStore;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.CallEnrichment;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.acd.QueuePlace;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.acd.WaitingCallView;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.CallVariables;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingRequest;

/**
 * The distributor's state machine: queues with their waiting calls, agents with their states, and the offers
 * that connect them. Not thread-safe: every method runs on the distributor's single decision thread, which is
 * what makes races such as "two calls for the last agent" impossible by construction.
 */
final class CallDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(CallDistribution.class);
    /** The queue name an agent's outbound calls are recorded under. */
    static final String OUTBOUND = "outbound";
    /** How long an agent's own phone rings when the agent dials out. */
    static final Duration OUTBOUND_RING = Duration.ofSeconds(30);
    /** How soon a call that a strategy left waiting is decided again. */
    static final Duration REDECIDE_AFTER = Duration.ofSeconds(1);
    /** How calls transferred to one agent are shown in routing decisions. */
    private static final InstalledStrategy DIRECTED = new InstalledStrategy("transfer-to-agent",
            "org.switchboard.acd", "-", null, true);
    /** How often a callback's customer may not answer before the callback is given up. */
    static final int CALLBACK_ATTEMPTS = 3;
    /** How long a callback whose customer did not answer waits before it is tried again. */
    static final Duration CALLBACK_RETRY_DELAY = Duration.ofSeconds(60);
    /** The variable an enricher (the CRM) names the caller's customer with; strategies see it as the customer id. */
    static final String CUSTOMER_ID = CallVariables.CUSTOMER_ID;
    static final Duration DEFAULT_ENRICHMENT_BUDGET = Duration.ofMillis(300);
    /**
     * How long past the maximum wait plus one ring timeout an offer may stay without a result (the edge's CANCEL
     * of a ringing phone that never answers it) before the distributor withdraws it and lets the call go.
     */
    static final Duration OFFER_RESULT_GRACE = Duration.ofSeconds(5);

    /** The collaborators that keep what happens. */
    record Records(CallDetailRecordStore calls, AgentStateJournal agentStates, RoutingDecisionLog decisions,
            AgentSessionStore sessions) {
        /** Without durable agent sessions: a restart finds every agent logged out. */
        Records(CallDetailRecordStore calls, AgentStateJournal agentStates, RoutingDecisionLog decisions) {
            this(calls, agentStates, decisions, AgentSessions.NOT_KEPT);
        }
    }

    private final Clock clock;
    private final Records records;
    private final PhoneLocator phones;
    private final Timers timers;
    private final AgentChooser chooser;
    private final AgentSessions sessions;
    private final Enrichers enrichers;
    private final CallEventPublisher events;
    /** Survey flows of answered calls; thread-safe, read by the distributor service from any thread. */
    final SurveyFlows surveyFlows = new SurveyFlows();
    private Duration enrichmentBudget = DEFAULT_ENRICHMENT_BUDGET;
    /** False while a definition is withdrawn: that logs the agent out here but keeps its session for later. */
    private boolean keepingSessions = true;

    private final Map<String, QueueLine> queues = new LinkedHashMap<>();
    private final Map<String, AgentSeat> agents = new TreeMap<>();
    private final Map<String, WaitingCall> calls = new HashMap<>();
    /** The pending decision after a strategy left a call waiting, if any. */
    private Timers.Timer redecision;
    private List<String> pauseReasons = List.of("break", "lunch", "training", "meeting");
    private long arrivals;
    private long decisions;
    private LocalDate countersDay;

    /** Without enrichers and without events. */
    CallDistribution(Clock clock, Records records, PhoneLocator phones, Timers timers, AgentChooser chooser) {
        this(clock, records, phones, timers, chooser, Enrichers.NONE, CallEventPublisher.SILENT);
    }

    CallDistribution(Clock clock, Records records, PhoneLocator phones, Timers timers, AgentChooser chooser,
            Enrichers enrichers, CallEventPublisher events) {
        this.clock = clock;
        this.enrichers = enrichers;
        this.events = events;
        this.records = records;
        this.phones = phones;
        this.timers = timers;
        this.chooser = chooser;
        this.sessions = new AgentSessions(records.sessions());
        this.countersDay = today();
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
            int oldPriority = line.settings.priority();
            line.settings = settings;
            if (oldPriority != settings.priority()) {
                List<WaitingCall> waiting = List.copyOf(line.waiting);
                line.waiting.clear();
                waiting.forEach(call -> call.priority = call.ownPriority() + settings.priority());
                line.waiting.addAll(waiting);
            }
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
            AgentSeat defined = new AgentSeat(settings, now());
            agents.put(settings.id(), defined);
            sessions.restorable(settings.id()).ifPresent(session -> restore(defined, session));
        } else {
            seat.settings = settings;
            seat.forgetSnapshot();
        }
        dispatch();
    }

    /**
     * Withdraws the agent's definition. The agent's session ends only when {@code endSession} (its configuration
     * was deleted); otherwise (its bundle or the server stops) the session is kept and given back when the agent
     * is defined again, in this run or after a restart.
     */
    void removeAgent(String id, boolean endSession) {
        AgentSeat seat = agents.get(id);
        if (seat != null) {
            keepingSessions = endSession;
            try {
                logout(id);
            } finally {
                keepingSessions = true;
            }
            if (seat.state == AgentState.LOGGED_OUT) {
                agents.remove(id);
                if (!endSession) {
                    sessions.setAside(id, now());
                }
            }
        }
    }

    /**
     * Reads the agents' sessions kept before this start. Each agent is logged in again as it was when its
     * definition arrives (the configuration components define agents after the distributor has started).
     *
     * @return how many sessions wait for their agents
     */
    int loadSessions() {
        return sessions.load();
    }

    void setPauseReasons(List<String> reasons) {
        pauseReasons = List.copyOf(reasons);
    }

    List<String> pauseReasons() {
        return pauseReasons;
    }

    /** How long a new call waits for the enrichers' answers before it is routed without the missing ones. */
    void setEnrichmentBudget(Duration budget) {
        enrichmentBudget = budget;
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

    Optional<QueueSettings> queueSettings(String name) {
        return Optional.ofNullable(queues.get(name)).map(line -> line.settings);
    }

    List<QueueSettings> allQueueSettings() {
        return queues.values().stream().map(line -> line.settings).toList();
    }

    // ---- agents

    AgentStatus login(String agentId, List<String> queueNames) {
        AgentSeat agent = knownAgent(agentId);
        List<String> wanted = queueNames.isEmpty() ? List.copyOf(agent.settings.queueTiers().keySet()) : queueNames;
        if (wanted.isEmpty()) {
            throw new AcdException("agent " + agentId + " has no queues in its configuration; name the queues");
        }
        for (String queue : wanted) {
            if (!queues.containsKey(queue)) {
                throw new AcdException("no queue named '" + queue + "'; queues are " + queues.keySet());
            }
        }
        agent.queues.clear();
        wanted.forEach(queue -> agent.queues.put(queue, agent.settings.tierIn(queue)));
        agent.forgetSnapshot();
        agent.logoutAfterCall = false;
        if (agent.state == AgentState.LOGGED_OUT) {
            agent.unansweredInARow = 0;
            enter(agent, AgentState.AVAILABLE, "logged in to " + String.join(",", wanted));
        }
        keepSession(agent);
        dispatch();
        return status(agent);
    }

    AgentStatus logout(String agentId) {
        AgentSeat agent = knownAgent(agentId);
        switch (agent.state) {
            case LOGGED_OUT -> {
                return status(agent);
            }
            case ON_CALL -> agent.logoutAfterCall = true;
            case WRAP_UP -> {
                endWrapUp(agent);
                loggedOut(agent, "logged out during wrap-up");
            }
            case RESERVED, RINGING -> {
                WaitingCall call = calls.get(agent.callId);
                agent.callId = null;
                loggedOut(agent, "logged out while being offered a call");
                if (call != null) {
                    call.leg.withdrawOffer(agentId);
                }
            }
            default -> loggedOut(agent, "logged out");
        }
        keepSession(agent);
        return status(agent);
    }

    AgentStatus pause(String agentId, String reason) {
        AgentSeat agent = knownAgent(agentId);
        if (!pauseReasons.contains(reason)) {
            throw new AcdException("'" + reason + "' is not a pause reason; reasons are " + pauseReasons);
        }
        switch (agent.state) {
            case LOGGED_OUT -> throw new AcdException("agent " + agentId + " is logged out");
            case AVAILABLE, PAUSED -> paused(agent, reason);
            case WRAP_UP -> {
                endWrapUp(agent);
                paused(agent, reason);
            }
            default -> agent.pauseAfterCall = reason;
        }
        keepSession(agent);
        return status(agent);
    }

    AgentStatus ready(String agentId) {
        AgentSeat agent = knownAgent(agentId);
        switch (agent.state) {
            case LOGGED_OUT -> throw new AcdException("agent " + agentId + " is logged out; log in first");
            case PAUSED -> {
                agent.unansweredInARow = 0;
                agent.pauseReason = null;
                enter(agent, AgentState.AVAILABLE, "ready");
            }
            case WRAP_UP -> {
                endWrapUp(agent);
                enter(agent, AgentState.AVAILABLE, "ready after wrap-up");
            }
            default -> agent.pauseAfterCall = null;
        }
        keepSession(agent);
        dispatch();
        return status(agent);
    }

    List<AgentStatus> agents() {
        rollOverDay();
        return agents.values().stream().map(this::status).toList();
    }

    Optional<AgentStatus> agent(String agentId) {
        rollOverDay();
        return Optional.ofNullable(agents.get(agentId)).map(this::status);
    }

    List<QueueStatus> queues() {
        rollOverDay();
        return queues.values().stream().map(this::status).toList();
    }

    Optional<QueueStatus> queue(String name) {
        rollOverDay();
        return Optional.ofNullable(queues.get(name)).map(this::status);
    }

    /** The calls waiting in the queue, the next to be served first. */
    List<WaitingCallView> waitingCalls(String queueName) {
        QueueLine line = queues.get(queueName);
        if (line == null) {
            throw new AcdException("no queue named '" + queueName + "'");
        }
        List<WaitingCallView> views = new ArrayList<>();
        int position = 0;
        for (WaitingCall call : line.waiting) {
            position++;
            views.add(new WaitingCallView(call.id(), call.record.ani(), call.record.dnis(), line.name(), position,
                    call.priority, call.record.arrivedAt(), call.record.agentId(), call.variables));
        }
        return views;
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
            records.calls().save(waiting.record, new CallStateChange(call.callId(), CallState.QUEUED,
                    call.arrivedAt(), "from " + call.ani() + " to " + call.dnis() + " in " + call.queue()));
        } catch (RuntimeException e) {
            LOG.error("call {} refused: its record could not be written", call.callId(), e);
            leg.release(503, "Service Unavailable");
            return;
        }
        calls.put(call.callId(), waiting);
        saveVariables(call.callId(), call.variables());
        enterQueue(waiting, line);
        askEnrichers(waiting);
        if (nobodyLoggedIn(line) && line.settings.overflowQueue().isPresent()) {
            overflowOrRelease(waiting, "nobody is logged in to " + line.name());
        }
        dispatch();
    }

    /** An agent dials out: recorded, the agent reserved and their phone rung first (see CallDistributor). */
    void outboundStarted(InboundCall call, CallerLeg leg, String agentId) {
        AgentSeat agent = agents.get(agentId);
        Optional<PhoneRegistration> phone = agent == null ? Optional.empty() : phones.locate(agent.settings.phone());
        if (agent == null || (agent.state != AgentState.AVAILABLE && agent.state != AgentState.PAUSED)
                || phone.isEmpty()) {
            LOG.info("agent {} cannot dial {} now ({})", agentId, call.dnis(), agent == null ? "unknown agent"
                    : phone.isEmpty() ? "no phone registered" : agent.state.name().toLowerCase());
            leg.release(486, "Agent not free");
            return;
        }
        WaitingCall waiting = new WaitingCall(call, leg, arrivals++,
                CallDetailRecord.arrived(call.callId(), call.ani(), call.dnis(), OUTBOUND, call.arrivedAt()));
        waiting.outbound = true;
        try {
            records.calls().save(waiting.record, new CallStateChange(call.callId(), CallState.QUEUED,
                    call.arrivedAt(), "agent " + agentId + " dials " + call.dnis()));
        } catch (RuntimeException e) {
            LOG.error("outbound call {} refused: its record could not be written", call.callId(), e);
            leg.release(503, "Service Unavailable");
            return;
        }
        calls.put(call.callId(), waiting);
        saveVariables(call.callId(), call.variables());
        agent.callId = call.callId();
        enter(agent, AgentState.RESERVED, "dialling " + call.dnis());
        waiting.offeredTo.add(agentId);
        waiting.record = waiting.record.offered(agentId, now());
        save(waiting, "the agent's phone rings first");
        events.offered(waiting.record, agentId, waiting.variables);
        leg.offer(new AgentOffer(call.callId(), agentId, phone.get().contact(), OUTBOUND_RING));
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
        if (call == null || agent == null || call.isAnswered() || !call.offeredTo.contains(agentId)) {
            LOG.warn("answer of call {} by agent {} does not match an offer; ignored", callId, agentId);
            return;
        }
        cancelMaxWait(call);
        call.offeredTo.remove(agentId);
        call.answeredBy = agentId;
        call.record = call.record.answered(agentId, now());
        save(call, "answered by " + agentId);
        events.answered(call.record, call.variables);
        QueueLine line = queues.get(call.queue);
        surveyFlows.answered(callId, queueSettingsOf(call).surveyFlow());
        if (line != null) {
            Duration waited = Duration.between(call.record.arrivedAt(), now());
            line.counters.answered(waited, line.settings.serviceLevel());
            line.recentWaits.add(waited);
        }
        agent.callId = callId;
        agent.unansweredInARow = 0;
        agent.counters.answered();
        enter(agent, AgentState.ON_CALL, "answered call " + callId);
        for (String other : List.copyOf(call.offeredTo)) {
            AgentSeat loser = agents.get(other);
            if (loser != null && callId.equals(loser.callId)) {
                loser.callId = null;
                afterOffer(loser, "call " + callId + " answered by " + agentId);
            }
            call.leg.withdrawOffer(other);
        }
        call.offeredTo.clear();
        dispatch();
    }

    void offerFailed(String callId, String agentId, OfferOutcome outcome, String detail) {
        if (outcome == OfferOutcome.CUSTOMER_UNREACHABLE) {
            callbackNotAnswered(callId, agentId, detail);
            return;
        }
        WaitingCall call = calls.get(callId);
        AgentSeat agent = agents.get(agentId);
        if (call != null && call.outbound) {
            if (agent != null && callId.equals(agent.callId)) {
                agent.callId = null;
                afterOffer(agent, "own phone did not take the outbound call " + callId + ": " + detail);
            }
            call.offeredTo.remove(agentId);
            finish(call, Disposition.FAILED, "the agent's phone did not take it: " + detail);
            dispatch();
            return;
        }
        if (agent != null && callId.equals(agent.callId) && !agentId.equals(call == null ? null : call.answeredBy)) {
            offerNotAnswered(agent, call, callId, detail);
        }
        if (call != null && call.offeredTo.remove(agentId) && call.offeredTo.isEmpty() && !call.isAnswered()) {
            if (call.maxWaitReached) {
                overflowOrRelease(call, "no agent within " + queueSettingsOf(call).maxWait().toSeconds() + " s");
            } else {
                call.record = call.record.requeued();
                save(call, "back in queue: agent " + agentId + " " + detail);
                queues.get(call.queue).waiting.add(call);
                events.queued(call.record, call.variables);
            }
        }
        dispatch();
    }

    /** The agent did not take the offered call: free again, or paused after too many such offers in a row. */
    private void offerNotAnswered(AgentSeat agent, WaitingCall call, String callId, String detail) {
        agent.callId = null;
        agent.unansweredInARow++;
        QueueSettings queue = call == null ? null : queueSettingsOf(call);
        int allowed = queue == null ? Integer.MAX_VALUE : agent.maxNoAnswers(queue);
        if (agent.unansweredInARow >= allowed) {
            paused(agent, "no-answer");
            LOG.info("agent {} paused: {} offers in a row not answered (last: {})", agent.id(),
                    agent.unansweredInARow, detail);
        } else {
            afterOffer(agent, "offer of call " + callId + " not answered: " + detail);
        }
    }

    /**
     * The caller asked to be called back: the call keeps its place (and its record stays queued), the maximum wait
     * and overflow no longer apply, and its offers make the edge call the customer first.
     */
    void callbackRequested(String callId, String number) {
        WaitingCall call = calls.get(callId);
        if (call == null || call.isAnswered() || call.isCallback()) {
            return;
        }
        call.callbackNumber = number;
        cancelMaxWait(call);
        call.maxWaitReached = false;
        call.addVariables(Map.of("callback.number", number));
        saveVariables(callId, Map.of("callback.number", number));
        save(call, "callback to " + number + " requested: keeps its place in " + call.queue);
        dispatch();
    }

    /**
     * The server called a callback's customer and nobody answered: the agent is free again (not the agent's
     * doing), and the callback waits a while before the next try, or is given up after a few.
     */
    private void callbackNotAnswered(String callId, String agentId, String detail) {
        WaitingCall call = calls.get(callId);
        AgentSeat agent = agents.get(agentId);
        if (agent != null && callId.equals(agent.callId)) {
            agent.callId = null;
            afterOffer(agent, "callback " + callId + ": " + detail);
        }
        if (call == null || !call.offeredTo.remove(agentId) || call.isAnswered()) {
            dispatch();
            return;
        }
        call.callbackAttempts++;
        if (call.callbackAttempts >= CALLBACK_ATTEMPTS) {
            call.leg.release(480, "Callback not answered");
            finish(call, Disposition.FAILED, "callback given up: " + detail + " " + call.callbackAttempts
                    + " times");
        } else {
            call.record = call.record.requeued();
            save(call, "callback to " + call.callbackNumber + " not answered (" + detail + "); next try in "
                    + CALLBACK_RETRY_DELAY.toSeconds() + " s");
            timers.schedule(CALLBACK_RETRY_DELAY, () -> retryCallback(callId));
        }
        dispatch();
    }

    private void retryCallback(String callId) {
        WaitingCall call = calls.get(callId);
        QueueLine line = call == null ? null : queues.get(call.queue);
        if (line == null || call.isAnswered() || !call.offeredTo.isEmpty() || line.waiting.contains(call)) {
            return;
        }
        line.waiting.add(call);
        events.queued(call.record, call.variables);
        dispatch();
    }

    void callerAbandoned(String callId) {
        WaitingCall call = calls.get(callId);
        if (call == null || call.isAnswered()) {
            return;
        }
        Optional.ofNullable(queues.get(call.queue)).ifPresent(line -> line.counters.abandoned());
        finish(call, Disposition.ABANDONED, "caller hung up after waiting " + call.record.waitSeconds(now()) + " s");
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

    /**
     * Stores data gathered about a call after it reached the queue; a call in progress also carries it from now
     * on. Kept for an ended call that has a record; ignored for an unknown one.
     */
    void addVariables(String callId, Map<String, String> variables) {
        WaitingCall call = calls.get(callId);
        if (call != null) {
            call.addVariables(variables);
            saveVariables(callId, variables);
            return;
        }
        try {
            if (records.calls().find(callId).isEmpty()) {
                LOG.debug("variables {} for unknown call {} ignored", variables.keySet(), callId);
                return;
            }
        } catch (RuntimeException e) {
            LOG.error("call {}: variables {} not stored, its record could not be read", callId, variables.keySet(),
                    e);
            return;
        }
        saveVariables(callId, variables);
    }

    /** Where each waiting call stands in its queue now, and how long it may still wait (see {@link QueuePlace}). */
    QueuePlaces queuePlaces() {
        Instant now = now();
        Map<String, QueuePlace> places = new HashMap<>();
        for (QueueLine line : queues.values()) {
            if (line.waiting.isEmpty()) {
                continue;
            }
            int serving = (int) agents.values().stream()
                    .filter(a -> a.queues.containsKey(line.name()) && a.state != AgentState.PAUSED).count();
            Optional<Duration> handling = line.recentHandling.mean();
            Optional<Duration> waits = line.recentWaits.mean();
            int position = 0;
            for (WaitingCall call : line.waiting) {
                position++;
                Duration left = line.settings.maxWait().minus(Duration.between(call.enteredQueueAt, now));
                places.put(call.id(),
                        new QueuePlace(position, WaitEstimate.of(position, handling, waits, serving, left)));
            }
        }
        return new QueuePlaces(places, now);
    }

    /** Offers waiting calls to agents that became able to take them by something outside (a registration). */
    void redistribute() {
        dispatch();
    }

    int callsInProgress() {
        return calls.size();
    }

    // ---- the choice

    /** Offers waiting calls, the most urgent first across queues, as the queues' strategies choose. */
    private void dispatch() {
        rollOverDay();
        offerDirectedCalls();
        Set<WaitingCall> notNow = new HashSet<>();
        while (true) {
            WaitingCall best = null;
            QueueLine bestLine = null;
            List<AgentSeat> bestCandidates = List.of();
            for (QueueLine line : queues.values()) {
                WaitingCall head = line.waiting.stream()
                        .filter(c -> c.enrichment == null && c.directedTo == null && !notNow.contains(c))
                        .findFirst().orElse(null);
                if (head == null || best != null && QueueLine.SERVICE_ORDER.compare(best, head) < 0) {
                    continue;
                }
                List<AgentSeat> candidates = candidates(line);
                if (!candidates.isEmpty()) {
                    best = head;
                    bestLine = line;
                    bestCandidates = candidates;
                }
            }
            if (best == null) {
                return;
            }
            long decision = ++decisions;
            bestCandidates.forEach(agent -> agent.candidateOf = decision);
            AgentChooser.Choice choice = chooser.choose(bestLine.settings, request(best, bestLine, bestCandidates),
                    id -> isCandidateOf(id, decision));
            if (choice.agents().isEmpty()) {
                notNow.add(best);
                askAgainLater();
                continue;
            }
            offer(best, bestLine, choice, bestCandidates.size());
        }
    }

    /**
     * A strategy wanted none of the candidates for a call now (for example it waits for one agent): decide again
     * a little later even if nothing else happens meanwhile; at most one such decision is pending.
     */
    private void askAgainLater() {
        if (redecision == null) {
            redecision = timers.schedule(REDECIDE_AFTER, () -> {
                redecision = null;
                dispatch();
            });
        }
    }

    /** Calls transferred to one agent go to that agent as soon as the agent may take a call, in service order. */
    private void offerDirectedCalls() {
        for (QueueLine line : queues.values()) {
            for (WaitingCall call : List.copyOf(line.waiting)) {
                if (call.directedTo == null || call.enrichment != null) {
                    continue;
                }
                AgentSeat agent = agents.get(call.directedTo);
                if (agent != null && agent.state == AgentState.AVAILABLE
                        && phones.locate(agent.settings.phone()).isPresent()) {
                    offer(call, line, new AgentChooser.Choice(List.of(agent.id()), false, DIRECTED, "transferred to "
                            + agent.id() + (call.variables.containsKey(CallVariables.TRANSFER_AGENT) ? " by "
                                    + call.variables.get(CallVariables.TRANSFER_AGENT) : ""), Duration.ZERO, null), 1);
                }
            }
        }
    }

    /** Agents who may be offered a call of the queue now, of the lowest tier that has any. */
    private List<AgentSeat> candidates(QueueLine line) {
        List<AgentSeat> lowest = new ArrayList<>();
        int lowestTier = Integer.MAX_VALUE;
        for (AgentSeat agent : agents.values()) {
            if (canTake(agent, line)) {
                int tier = agent.queues.get(line.name());
                if (tier < lowestTier) {
                    lowest.clear();
                    lowestTier = tier;
                }
                if (tier == lowestTier) {
                    lowest.add(agent);
                }
            }
        }
        return lowest;
    }

    private boolean canTake(AgentSeat agent, QueueLine line) {
        if (agent.state != AgentState.AVAILABLE || !agent.queues.containsKey(line.name())) {
            return false;
        }
        for (Map.Entry<String, Integer> skill : line.settings.requiredSkills().entrySet()) {
            if (agent.settings.skills().getOrDefault(skill.getKey(), 0) < skill.getValue()) {
                return false;
            }
        }
        return phones.locate(agent.settings.phone()).isPresent();
    }

    private boolean isCandidateOf(String agentId, long decision) {
        AgentSeat agent = agents.get(agentId);
        return agent != null && agent.candidateOf == decision;
    }

    private RoutingRequest request(WaitingCall call, QueueLine line, List<AgentSeat> candidates) {
        Instant now = now();
        CallSnapshot snapshot = new CallSnapshot(call.id(), call.call.ani(), call.call.dnis(), line.name(),
                call.priority, Duration.between(call.record.arrivedAt(), now), call.variables,
                line.settings.requiredSkills(), Optional.ofNullable(call.variables.get(CUSTOMER_ID)));
        List<CandidateAgent> agentSnapshots = new ArrayList<>(candidates.size());
        for (AgentSeat agent : candidates) {
            agentSnapshots.add(agent.snapshot(line.name(), now));
        }
        return new RoutingRequest(snapshot, agentSnapshots, now);
    }

    private void offer(WaitingCall call, QueueLine line, AgentChooser.Choice choice, int candidates) {
        List<String> chosen = choice.ringAll() ? choice.agents() : choice.agents().subList(0, 1);
        line.waiting.remove(call);
        for (String agentId : chosen) {
            AgentSeat agent = agents.get(agentId);
            agent.callId = call.id();
            enter(agent, AgentState.RESERVED, "offered call " + call.id());
            call.offeredTo.add(agentId);
        }
        call.record = call.record.offered(chosen.get(0), now());
        String agentsOffered = listOf(chosen);
        save(call, "offered to " + agentsOffered + " by " + choice.strategy().name() + ": " + choice.reason());
        try {
            records.decisions().append(new RoutingDecisionRecord(call.id(), line.name(), choice.strategy().name(),
                    choice.strategy().version(), agentsOffered, choice.reason(), candidates, now(), choice.took(),
                    choice.fallbackCause()));
        } catch (RuntimeException e) {
            LOG.error("routing decision for call {} could not be written", call.id(), e);
        }
        for (String agentId : chosen) {
            events.offered(call.record, agentId, call.variables);
        }
        for (String agentId : chosen) {
            PhoneRegistration phone = phones.locate(agents.get(agentId).settings.phone()).orElseThrow();
            call.leg.offer(new AgentOffer(call.id(), agentId, phone.contact(), line.settings.ringTimeout()));
        }
    }

    /** Agent ids for records and logs: all of them when few, else the first ones and how many more. */
    private static String listOf(List<String> agentIds) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < agentIds.size(); i++) {
            String next = (i == 0 ? "" : ",") + agentIds.get(i);
            if (text.length() + next.length() > 100) {
                return text + " and " + (agentIds.size() - i) + " more";
            }
            text.append(next);
        }
        return text.toString();
    }

    // ---- calls leaving

    private void enterQueue(WaitingCall call, QueueLine line) {
        call.queue = line.name();
        call.priority = call.ownPriority() + line.settings.priority();
        call.enteredQueueAt = now();
        line.counters.entered();
        line.waiting.add(call);
        call.maxWaitReached = false;
        cancelMaxWait(call);
        call.maxWaitTimer = timers.schedule(line.settings.maxWait(), () -> maxWaitReached(call.id()));
        events.queued(call.record, call.variables);
    }

    // ---- enrichment

    /** Asks the enrichers about a call that has just entered its queue; it is not routed until they answered. */
    private void askEnrichers(WaitingCall call) {
        EnrichmentRound round = new EnrichmentRound(call.id());
        List<String> asked = enrichers.ask(call.call,
                (enricher, enrichment, failure) -> enriched(round, enricher, enrichment, failure));
        if (asked.isEmpty()) {
            return;
        }
        round.waitingFor.addAll(asked);
        round.budget = timers.schedule(enrichmentBudget, () -> enrichmentBudgetOver(round));
        call.enrichment = round;
    }

    private void enriched(EnrichmentRound round, String enricher, CallEnrichment enrichment, Throwable failure) {
        if (round.over || !round.waitingFor.remove(enricher)) {
            if (!round.lateLogged) {
                round.lateLogged = true;
                LOG.info("call {}: enricher {} answered after the call was routed without it (enrichment budget "
                        + "{} ms); the answer is ignored", round.callId, enricher, enrichmentBudget.toMillis());
            }
            return;
        }
        WaitingCall call = calls.get(round.callId);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.warn("call {}: enricher {} failed; the call is routed without it", round.callId, enricher, cause);
        } else if (call != null) {
            enrich(call, enrichment);
        }
        if (round.waitingFor.isEmpty()) {
            round.end();
            if (call != null) {
                call.enrichment = null;
                dispatch();
            }
        }
    }

    private void enrichmentBudgetOver(EnrichmentRound round) {
        if (round.over) {
            return;
        }
        LOG.info("call {}: routed without enrichers {}, which did not answer within {} ms", round.callId,
                round.waitingFor, enrichmentBudget.toMillis());
        round.end();
        WaitingCall call = calls.get(round.callId);
        if (call != null) {
            call.enrichment = null;
            dispatch();
        }
    }

    /** Adds what an enricher found: its variables, kept with the call, and its priority boost. */
    private void enrich(WaitingCall call, CallEnrichment enrichment) {
        if (!enrichment.variables().isEmpty()) {
            call.addVariables(enrichment.variables());
            saveVariables(call.id(), enrichment.variables());
        }
        if (enrichment.priorityBoost() != 0) {
            QueueLine line = queues.get(call.queue);
            // the queue orders its calls by priority: out before the change, back in after it
            boolean waiting = line != null && line.waiting.remove(call);
            call.priorityBoost += enrichment.priorityBoost();
            call.priority = call.ownPriority() + (line == null ? 0 : line.settings.priority());
            if (waiting) {
                line.waiting.add(call);
            }
        }
    }

    private void maxWaitReached(String callId) {
        WaitingCall call = calls.get(callId);
        if (call == null || call.isAnswered() || call.isCallback()) {
            return;
        }
        if (call.directedTo != null && call.offeredTo.isEmpty()) {
            save(call, "agent " + call.directedTo + " did not take the transfer within "
                    + queueSettingsOf(call).maxWait().toSeconds() + " s: queue " + call.queue + " serves it");
            call.directedTo = null;
            call.maxWaitTimer = timers.schedule(queueSettingsOf(call).maxWait(), () -> maxWaitReached(callId));
            dispatch();
            return;
        }
        if (call.offeredTo.isEmpty()) {
            overflowOrRelease(call, "no agent within " + queueSettingsOf(call).maxWait().toSeconds() + " s");
            dispatch();
        } else {
            // A ringing phone may still answer; its offer ends within one ring timeout, but the result of the
            // edge's CANCEL may never come, so the call is let go at the latest a little after that.
            call.maxWaitReached = true;
            call.maxWaitTimer = timers.schedule(queueSettingsOf(call).ringTimeout().plus(OFFER_RESULT_GRACE),
                    () -> offerOutlivedMaxWait(callId));
        }
    }

    /** The offers pending at the maximum wait still have no result: withdrawn, and the call leaves its queue. */
    private void offerOutlivedMaxWait(String callId) {
        WaitingCall call = calls.get(callId);
        if (call == null || call.isAnswered() || call.offeredTo.isEmpty()) {
            return;
        }
        String detail = "offer withdrawn: no result " + (queueSettingsOf(call).ringTimeout()
                .plus(OFFER_RESULT_GRACE).toSeconds()) + " s after the maximum wait";
        LOG.warn("call {}: offer to {} has had no result; withdrawn", callId, call.offeredTo);
        for (String agentId : List.copyOf(call.offeredTo)) {
            AgentSeat agent = agents.get(agentId);
            if (agent != null && callId.equals(agent.callId)) {
                offerNotAnswered(agent, call, callId, detail);
            }
            call.leg.withdrawOffer(agentId);
        }
        call.offeredTo.clear();
        overflowOrRelease(call, "no agent within " + queueSettingsOf(call).maxWait().toSeconds() + " s ("
                + detail + ")");
        dispatch();
    }

    /** The call leaves its queue: into the overflow queue when there is one not visited yet, else released. */
    private void overflowOrRelease(WaitingCall call, String why) {
        QueueLine from = queues.get(call.queue);
        Optional<QueueLine> target = Optional.ofNullable(from).flatMap(line -> line.settings.overflowQueue())
                .filter(name -> !call.visitedQueues.contains(name)).map(queues::get);
        if (target.isEmpty()) {
            if (from != null) {
                from.counters.releasedWithoutAgent();
            }
            finish(call, Disposition.NO_AGENT, why);
            call.leg.release(480, "Temporarily Unavailable");
            return;
        }
        from.waiting.remove(call);
        call.visitedQueues.add(target.get().name());
        call.record = call.record.overflowed(target.get().name());
        save(call, "overflowed from " + from.name() + " to " + target.get().name() + ": " + why);
        enterQueue(call, target.get());
    }

    /** Ends the call: closes its record, frees its agents, forgets it. */
    private void finish(WaitingCall call, Disposition disposition, String detail) {
        calls.remove(call.id());
        cancelMaxWait(call);
        QueueLine line = queues.get(call.queue);
        if (line != null) {
            line.waiting.remove(call);
        }
        if (call.enrichment != null) {
            call.enrichment.end();
            call.enrichment = null;
        }
        call.record = call.record.ended(disposition, now());
        save(call, disposition.label() + ": " + detail);
        events.ended(call.record, call.variables);
        surveyFlows.ended(call.id());
        for (String offered : call.offeredTo) {
            AgentSeat agent = agents.get(offered);
            if (agent != null && call.id().equals(agent.callId)) {
                agent.callId = null;
                afterOffer(agent, "call " + call.id() + " ended while offered");
            }
        }
        AgentSeat agent = call.answeredBy == null ? null : agents.get(call.answeredBy);
        if (agent != null && call.id().equals(agent.callId)) {
            agent.counters.callEnded(now());
            Duration talk = Duration.between(call.record.answeredAt(), now());
            Duration wrapUp = line == null ? Duration.ZERO : line.settings.wrapUp();
            agent.wrapUpQueue = call.queue;
            agent.wrapUpTalk = talk;
            if (wrapUp.isZero()) {
                endWrapUp(agent);
                afterCall(agent, "call " + call.id() + " ended");
            } else {
                enter(agent, AgentState.WRAP_UP, "wrapping up call " + call.id());
                agent.wrapUpTimer = timers.schedule(wrapUp, () -> wrapUpOver(agent.id(), call.id()));
            }
        }
    }

    private void wrapUpOver(String agentId, String callId) {
        AgentSeat agent = agents.get(agentId);
        if (agent != null && agent.state == AgentState.WRAP_UP && callId.equals(agent.callId)) {
            endWrapUp(agent);
            afterCall(agent, "wrap-up of call " + callId + " over");
            dispatch();
        }
    }

    /** Counts the call as handled by its queue, with the wrap-up spent so far. */
    private void endWrapUp(AgentSeat agent) {
        if (agent.wrapUpTimer != null) {
            agent.wrapUpTimer.cancel();
            agent.wrapUpTimer = null;
        }
        if (agent.wrapUpQueue != null) {
            Duration wrapUp = agent.state == AgentState.WRAP_UP ? Duration.between(agent.since, now()) : Duration.ZERO;
            Duration handling = agent.wrapUpTalk.plus(wrapUp);
            Optional.ofNullable(queues.get(agent.wrapUpQueue)).ifPresent(line -> {
                line.counters.handled(handling);
                line.recentHandling.add(handling);
            });
            agent.wrapUpQueue = null;
            agent.wrapUpTalk = null;
        }
        agent.callId = null;
    }

    /** After a call and its wrap-up: logged out, paused or available, as the agent asked meanwhile. */
    private void afterCall(AgentSeat agent, String reason) {
        if (agent.logoutAfterCall) {
            loggedOut(agent, "logged out after call");
        } else {
            afterOffer(agent, reason);
        }
    }

    /** After an offer that did not become the agent's call: paused if asked meanwhile, else available. */
    private void afterOffer(AgentSeat agent, String reason) {
        if (agent.state == AgentState.LOGGED_OUT) {
            return;
        }
        if (agent.pauseAfterCall != null) {
            paused(agent, agent.pauseAfterCall);
        } else {
            enter(agent, AgentState.AVAILABLE, reason);
        }
    }

    private void paused(AgentSeat agent, String reason) {
        agent.pauseAfterCall = null;
        agent.pauseReason = reason;
        enter(agent, AgentState.PAUSED, "paused: " + reason);
    }

    /** Logs the agent in as its session kept from before the start says; the call it was on is gone. */
    private void restore(AgentSeat agent, AgentSession session) {
        session.queues().forEach(queue -> agent.queues.put(queue, agent.settings.tierIn(queue)));
        String queues = String.join(",", session.queues());
        if (session.isPaused()) {
            agent.pauseReason = session.pausedReason();
            enter(agent, AgentState.PAUSED, "session restored after a restart: paused: " + session.pausedReason()
                    + ", in " + queues);
        } else {
            enter(agent, AgentState.AVAILABLE, "session restored after a restart: logged in to " + queues);
        }
        LOG.info("agent {} logged in again to {} as before the restart{}", agent.id(), queues,
                session.isPaused() ? ", paused (" + session.pausedReason() + ")" : "");
    }

    private void loggedOut(AgentSeat agent, String reason) {
        agent.queues.clear();
        agent.logoutAfterCall = false;
        agent.pauseAfterCall = null;
        agent.pauseReason = null;
        enter(agent, AgentState.LOGGED_OUT, reason);
    }

    // ---- snapshots

    private QueueStatus status(QueueLine line) {
        Instant now = now();
        Duration longest = line.waiting.stream().map(c -> Duration.between(c.record.arrivedAt(), now))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        long loggedIn = agents.values().stream().filter(a -> a.queues.containsKey(line.name())).count();
        long available = agents.values().stream().filter(a -> canTake(a, line)).count();
        QueueSettings s = line.settings;
        return new QueueStatus(s.name(), s.numbers(), s.strategy(), chooser.strategyInUse(s), s.fallbackStrategy(),
                line.waiting.size(), longest, (int) loggedIn, (int) available, s.maxWait(), s.ringTimeout(),
                s.wrapUp(), s.serviceLevel(), s.requiredSkills(), line.counters.kpis());
    }

    private AgentStatus status(AgentSeat agent) {
        Optional<PhoneRegistration> phone = phones.locate(agent.settings.phone());
        Duration inState = Duration.between(agent.since, now());
        String availability = switch (agent.state) {
            case LOGGED_OUT -> "logged out";
            case PAUSED -> "paused (" + agent.pauseReason + ")";
            case WRAP_UP -> "wrapping up call " + agent.callId;
            case AVAILABLE -> phone.isEmpty()
                    ? "phone " + agent.settings.phone() + " is not registered: no calls are offered"
                    : "can take calls";
            default -> "busy with call " + agent.callId
                    + (agent.pauseAfterCall != null ? ", pauses (" + agent.pauseAfterCall + ") after it" : "")
                    + (agent.logoutAfterCall ? ", logs out after it" : "");
        };
        return new AgentStatus(agent.id(), agent.settings.name(), agent.settings.phone(), agent.state, agent.since,
                List.copyOf(agent.queues.keySet()), agent.callId, phone.map(PhoneRegistration::contact).orElse(null),
                availability, agent.pauseReason, agent.settings.skills(), agent.counters.kpis(agent.state, inState));
    }

    // ---- plumbing

    private void enter(AgentSeat agent, AgentState state, String reason) {
        Instant now = now();
        agent.forgetSnapshot();
        agent.counters.left(agent.state, Duration.between(agent.since, now));
        if (state != AgentState.PAUSED) {
            agent.pauseReason = null;
        }
        agent.state = state;
        agent.since = now;
        if (state == AgentState.AVAILABLE) {
            agent.idleSince = now;
        }
        try {
            records.agentStates().append(new AgentStateChange(agent.id(), state, now, reason));
        } catch (RuntimeException e) {
            LOG.error("agent {} entered {} but the change could not be journaled", agent.id(), state, e);
        }
        events.agentState(agent.id(), state, agent.pauseReason, agent.callId);
        keepSession(agent);
    }

    /**
     * Writes the agent's session when it changed. Called after every change an agent makes or the distributor
     * makes to an agent; not when a queue's definition is withdrawn, which happens when the bundle stops too.
     */
    private void keepSession(AgentSeat agent) {
        if (keepingSessions) {
            sessions.keep(agent, now());
        }
    }

    private void save(WaitingCall call, String detail) {
        try {
            records.calls().save(call.record, new CallStateChange(call.id(), call.record.state(), now(), detail));
        } catch (RuntimeException e) {
            LOG.error("call {} is {} but its record could not be written", call.id(), call.record.state(), e);
        }
    }

    private void saveVariables(String callId, Map<String, String> variables) {
        if (variables.isEmpty()) {
            return;
        }
        try {
            records.calls().saveVariables(callId, variables);
        } catch (RuntimeException e) {
            LOG.error("call {}: variables {} could not be stored", callId, variables.keySet(), e);
        }
    }

    private void cancelMaxWait(WaitingCall call) {
        if (call.maxWaitTimer != null) {
            call.maxWaitTimer.cancel();
            call.maxWaitTimer = null;
        }
    }

    private boolean nobodyLoggedIn(QueueLine line) {
        return agents.values().stream().noneMatch(a -> a.queues.containsKey(line.name()));
    }

    private QueueSettings queueSettingsOf(WaitingCall call) {
        QueueLine line = queues.get(call.queue);
        return line != null ? line.settings
                : QueueSettings.of(call.queue, List.of(), Duration.ZERO, Duration.ofSeconds(20), 3);
    }

    private AgentSeat knownAgent(String agentId) {
        AgentSeat agent = agents.get(agentId);
        if (agent == null) {
            throw new AcdException("no agent '" + agentId + "'; agents are " + agents.keySet());
        }
        return agent;
    }

    /** Counters are daily: the first event of a new day starts them again. */
    private void rollOverDay() {
        LocalDate today = today();
        if (!today.equals(countersDay)) {
            countersDay = today;
            queues.values().forEach(line -> line.counters = new QueueCounters());
            agents.values().forEach(agent -> agent.counters = new AgentCounters());
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    private Instant now() {
        return clock.instant();
    }
}
