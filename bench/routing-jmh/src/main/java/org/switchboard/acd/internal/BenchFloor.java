package org.switchboard.acd.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.bench.routing.Strategies;
import org.switchboard.bench.routing.Workload;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * A call center in memory around the real {@link CallDistribution}, for the benchmarks: one queue "support"
 * (requires english 3 and billing 2, all agents in tier 1, wrap-up 0), agents 10000, 10001... logged in to it
 * with registered phones and a day of history, the eight strategy bundles installed, records that keep
 * nothing, timers that never fire, and the strategy thread pool configured as the {@code Distributor} does
 * (0-4 threads, hand-off queue).
 * <p>
 * <b>The gate.</b> With calls waiting and agents available the distributor offers until one side runs out, so
 * "1000 available agents and 10 000 waiting calls" lasts exactly one decision in real life (for example when the
 * phone registry comes back after a restart and {@code redistribute()} runs). To measure that one decision
 * repeatedly, the phone locator has a gate: closed, it reports no phone registered and nobody is a candidate;
 * {@link #openGate()} lets the next dispatch see every available agent as a candidate. The routing decision
 * log (called by {@code offer()} right after the decision, before the phones are located for the offer)
 * closes the gate again, keeping open only the phones of the agents just chosen, so that exactly one call is
 * offered; {@link #closeGate()} then shuts it fully. The gate is a bench device only; nothing of
 * {@code CallDistribution} is changed.
 */
final class BenchFloor implements AutoCloseable {

    static final String QUEUE = "support";
    /** Used while the history is made: picks a random candidate, so that the agents' counters spread. */
    static final String SETUP_STRATEGY = "bench-setup-random";

    private static final Timers.Timer NEVER = () -> { };
    private static final int HISTORY_ROUNDS = 12;

    final BenchClock clock;
    final ThreadPoolExecutor strategyThreads;
    final CallDistribution acd;
    final Leg leg = new Leg();
    final QueueSettings queue;
    /** Ids of the waiting calls, in the order they are served (all of one priority: arrival order). */
    final ArrayDeque<String> waiting = new ArrayDeque<>();
    final int agents;

    private final Map<String, InstalledStrategy> installed = new HashMap<>();
    private final Map<String, PhoneRegistration> bindings = new ConcurrentHashMap<>();
    private final SplittableRandom random = new SplittableRandom(7);
    private long nextCall;

    private boolean gateOpen = true;
    private String exempt;
    private boolean exemptAll;

    long decisions;
    long fallbacks;
    String lastFallbackCause;

    /**
     * With {@code -Dbench.breakdown=true} (a diagnostic run, not the reported one: it adds four
     * {@code System.nanoTime()} calls to each op), the benchmarks time the phases of each op, printed when the
     * trial ends.
     */
    static final boolean BREAKDOWN = Boolean.getBoolean("bench.breakdown");
    /** When the chooser first looked the strategy up in this op (the request is built by then). */
    long strategyLookedUpAt;
    /** When the decision was logged (the choice is made, the agent reserved; the phones not yet rung). */
    long decisionLoggedAt;
    /** Sum of the strategies' own time, as the chooser measured it on the pool thread. */
    long strategyNanos;
    private final long[] phaseNanos = new long[4];
    private long phaseOps;

    BenchFloor(String strategy, int agents) throws SettingsException {
        this.agents = agents;
        clock = new BenchClock(ZonedDateTime.of(2026, 3, 10, 8, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        for (String name : Strategies.names()) {
            install(name, Strategies.create(name));
        }
        SplittableRandom setupChoice = new SplittableRandom(11);
        install(SETUP_STRATEGY, request -> RoutingDecision.choose(
                request.candidates().get(setupChoice.nextInt(request.candidates().size())).agentId(), "setup"));
        if (!installed.containsKey(strategy)) {
            throw new IllegalArgumentException("no strategy '" + strategy + "'; strategies are " + installed.keySet());
        }

        AtomicInteger threadNumber = new AtomicInteger();
        strategyThreads = new ThreadPoolExecutor(0, 4, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "switchboard-routing-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        acd = new CallDistribution(clock, new CallDistribution.Records(new NoRecords(), new NoJournal(),
                new GatingDecisionLog()), this::locate, (delay, task) -> NEVER,
                new AgentChooser(this::installedStrategy, strategyThreads));

        // maxNoAnswers is as high as it goes so that an agent who leaves offers unanswered is never paused
        // (one of the benchmark cycles reports "no answer" over and over); the rest are the defaults.
        queue = new QueueSettings(QUEUE, List.of("4000"), SETUP_STRATEGY, "longest-idle", Duration.ofMillis(50), 0,
                Duration.ofSeconds(120), Optional.empty(), Duration.ofSeconds(20), Integer.MAX_VALUE, Duration.ZERO,
                Duration.ofSeconds(20), Workload.REQUIRED_SKILLS, Optional.empty());
        acd.defineQueue(queue);
        for (int i = 0; i < agents; i++) {
            String id = Workload.agentId(i);
            acd.defineAgent(new AgentSettings(id, "Agent " + id, id, "secret" + id, Workload.skills(random),
                    Map.of(QUEUE, 1), Optional.empty()));
            bindings.put(id, new PhoneRegistration(id, "sip:" + id + "@10.0.0." + (i % 250 + 1) + ":5060",
                    clock.instant().plus(Duration.ofDays(1))));
            acd.login(id, List.of(QUEUE));
            clock.advance(Duration.ofMillis(random.nextLong(1, 500)));
        }
        makeHistory();
        acd.defineQueue(queue.withStrategy(strategy));
    }

    /**
     * A morning's work: rounds in which three quarters of the agents (chosen at random) answer a call, and the
     * calls end in random order over 15 minutes; so answered calls, talk time and idle-since spread.
     */
    private void makeHistory() {
        for (int round = 0; round < HISTORY_ROUNDS; round++) {
            int count = Math.max(1, agents * 3 / 4);
            List<AgentOffer> offers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                offers.add(offerNewCall());
            }
            for (AgentOffer offer : offers) {
                acd.offerAnswered(offer.callId(), offer.agentId());
            }
            Collections.shuffle(offers, new java.util.Random(random.nextLong()));
            clock.advance(Duration.ofSeconds(random.nextLong(20, 60)));
            long step = Duration.ofMinutes(15).toMillis() / offers.size();
            for (AgentOffer offer : offers) {
                clock.advance(Duration.ofMillis(random.nextLong(0, 2 * step + 1)));
                acd.callEnded(offer.callId(), "caller");
            }
            clock.advance(Duration.ofSeconds(random.nextLong(0, 60)));
        }
        if (acd.callsInProgress() != 0) {
            throw new IllegalStateException("history left " + acd.callsInProgress() + " calls");
        }
    }

    private Optional<InstalledStrategy> installedStrategy(String name) {
        if (BREAKDOWN && strategyLookedUpAt == 0) {
            strategyLookedUpAt = System.nanoTime();
        }
        return Optional.ofNullable(installed.get(name));
    }

    /** Forgets what the setup counted: the counters and timings are of the measured ops only. */
    void resetCounters() {
        decisions = 0;
        fallbacks = 0;
        lastFallbackCause = null;
        strategyNanos = 0;
        strategyLookedUpAt = 0;
        decisionLoggedAt = 0;
        java.util.Arrays.fill(phaseNanos, 0);
        phaseOps = 0;
    }

    /** Adds one op's phases: start, decision call returned, op end; see {@link #breakdown()}. */
    void recordPhases(long start, long decided, long end) {
        if (strategyLookedUpAt != 0 && decisionLoggedAt != 0) {
            phaseNanos[0] += strategyLookedUpAt - start;
            phaseNanos[1] += decisionLoggedAt - strategyLookedUpAt;
            phaseNanos[2] += decided - decisionLoggedAt;
            phaseNanos[3] += end - decided;
            phaseOps++;
        }
        strategyLookedUpAt = 0;
        decisionLoggedAt = 0;
    }

    /** The mean phases of the ops, in microseconds. */
    String breakdown() {
        String strategy = String.format("strategy's own decide() on the pool thread, mean of %d decisions: %.2f us",
                decisions, decisions == 0 ? 0.0 : strategyNanos / 1e3 / decisions);
        if (phaseOps == 0) {
            return strategy;
        }
        return String.format("breakdown of %d ops, mean us: [event + dispatch scan + request] %.2f | "
                + "[chooser: hand-off, strategy, validation; reserve agent, records] %.2f | "
                + "[ring phone(s) + dispatch rescan] %.2f | [rest of the op] %.2f; %s", phaseOps,
                phaseNanos[0] / 1e3 / phaseOps, phaseNanos[1] / 1e3 / phaseOps, phaseNanos[2] / 1e3 / phaseOps,
                phaseNanos[3] / 1e3 / phaseOps, strategy);
    }

    /** Installed as inline, as the shipped strategies declare themselves (switchboard.routing.inline=true). */
    private void install(String name, RoutingStrategy strategy) {
        installed.put(name, new InstalledStrategy(name, "org.switchboard.routing.strategy", "0.1.0.SNAPSHOT",
                strategy, true));
    }

    /** A call arrives now for the queue; the distributor dispatches (and, gate closed, offers nothing). */
    void enqueueNewCall() {
        String id = "call-" + nextCall++;
        acd.enqueue(new InboundCall(id, "555" + (1000000 + nextCall % 9000000), "4000", QUEUE, clock.instant(), 0,
                Map.of("language", "en")), leg);
        waiting.addLast(id);
    }

    /** A call arrives with the gate open: it is offered at once to one agent (who must be available). */
    AgentOffer offerNewCall() {
        int before = leg.offers;
        openGate();
        enqueueNewCall();
        closeGate();
        if (leg.offers != before + 1) {
            throw new IllegalStateException("a new call was offered " + (leg.offers - before) + " times, not once");
        }
        waiting.pollLast();
        return leg.lastOffer;
    }

    /** Fills the queue with calls that arrived over the last {@code spread}, the gate closed. */
    void fillQueue(int calls, Duration spread) {
        closeGate();
        int before = leg.offers;
        long step = Math.max(1, spread.toMillis() / Math.max(1, calls));
        for (int i = 0; i < calls; i++) {
            enqueueNewCall();
            clock.advance(Duration.ofMillis(step));
        }
        if (leg.offers != before || acd.callsInProgress() < calls) {
            throw new IllegalStateException("calls were offered while the gate was closed");
        }
    }

    void openGate() {
        gateOpen = true;
        exempt = null;
        exemptAll = false;
    }

    void closeGate() {
        gateOpen = false;
        exempt = null;
        exemptAll = false;
    }

    /** Like the SIP edge's registration table: a map look-up and an expiry check against the clock. */
    private Optional<PhoneRegistration> locate(String phone) {
        if (!gateOpen && !exemptAll && !phone.equals(exempt)) {
            return Optional.empty();
        }
        PhoneRegistration registration = bindings.get(phone);
        if (registration == null || !registration.isActiveAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(registration);
    }

    @Override
    public void close() {
        strategyThreads.shutdownNow();
    }

    /** Real time, starting at a fixed morning; {@link #advance} moves it on (while the history is made). */
    static final class BenchClock extends Clock {
        private volatile Instant base;
        private final long baseNanos = System.nanoTime();

        BenchClock(Instant start) {
            this.base = start;
        }

        void advance(Duration duration) {
            base = base.plus(duration);
        }

        @Override
        public Instant instant() {
            return base.plusNanos(System.nanoTime() - baseNanos);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The caller legs of all calls: remembers the last offer, counts offers and releases. */
    static final class Leg implements CallerLeg {
        int offers;
        int releases;
        AgentOffer lastOffer;

        @Override
        public void offer(AgentOffer offer) {
            offers++;
            lastOffer = offer;
        }

        @Override
        public void withdrawOffer(String agentId) {
        }

        @Override
        public void release(int sipStatus, String reason) {
            releases++;
        }
    }

    /** Keeps nothing; closes the gate (see the class comment) and counts fallbacks. */
    private final class GatingDecisionLog implements RoutingDecisionLog {
        @Override
        public void append(RoutingDecisionRecord decision) {
            gateOpen = false;
            String chosen = decision.chosenAgent();
            if (chosen.indexOf(',') >= 0) {
                exemptAll = true;
            } else {
                exempt = chosen;
            }
            if (BREAKDOWN) {
                decisionLoggedAt = System.nanoTime();
            }
            decisions++;
            strategyNanos += decision.took().toNanos();
            if (decision.fallbackCause() != null) {
                fallbacks++;
                lastFallbackCause = decision.fallbackCause();
            }
        }

        @Override
        public List<RoutingDecisionRecord> forCall(String callId) {
            return List.of();
        }
    }

    private static final class NoRecords implements CallDetailRecordStore {
        @Override
        public void save(CallDetailRecord record, CallStateChange change) {
        }

        @Override
        public Optional<CallDetailRecord> find(String callId) {
            return Optional.empty();
        }

        @Override
        public List<CallDetailRecord> recent(int limit) {
            return List.of();
        }

        @Override
        public List<CallStateChange> history(String callId) {
            return List.of();
        }

        @Override
        public List<CallDetailRecord> unfinished() {
            return List.of();
        }

        @Override
        public void saveVariables(String callId, Map<String, String> variables) {
        }

        @Override
        public Map<String, String> variables(String callId) {
            return Map.of();
        }
    }

    private static final class NoJournal implements AgentStateJournal {
        @Override
        public void append(AgentStateChange change) {
        }

        @Override
        public List<AgentStateChange> history(String agentId, int limit) {
            return List.of();
        }
    }
}
