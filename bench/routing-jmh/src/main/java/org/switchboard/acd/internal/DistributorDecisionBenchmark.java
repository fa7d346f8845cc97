package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.OfferOutcome;

/**
 * The whole distributor decision: the real {@link CallDistribution} (in its own package, on a plain class path,
 * without OSGi) driven on the benchmark thread, which plays the distributor's decision thread, around
 * {@link BenchFloor}: one queue, {@code agents} agents logged in with registered phones and a morning of
 * history, {@code calls} calls waiting, records that keep nothing, timers that never fire, the eight strategies
 * installed and the strategy thread pool of the {@code Distributor} (each decision is handed to a pool thread
 * and waited for, as in production).
 * <p>
 * Three benchmarks, each an op that leaves the state as it found it (same number of waiting calls, same agents
 * in the same states), so that every op measures the same situation:
 * <ul>
 * <li>{@link #offerToIdleAgents}: <b>one op = one call offered with every agent a candidate, and the agent freed
 * again.</b> All {@code agents} agents are available and {@code calls} calls wait, which the distributor
 * allows only for one decision (see the gate in {@link BenchFloor}). The op: {@code redistribute()} &rarr;
 * dispatch finds the head call, filters the {@code agents} candidates (state, queue, skills, phone look-up),
 * builds the {@code RoutingRequest}, hands it to the strategy under test on a pool thread, validates the
 * decision, reserves the chosen agent (all of them for ring-all) and offers the call (the caller-leg stub
 * records the offer) and scans once more, finding nobody; then the caller of that call hangs up
 * ({@code callerAbandoned}: the call ends, its agent is available again, dispatch scans) and a new call
 * arrives at the tail ({@code enqueue}: dispatch scans), so the queue keeps {@code calls} calls. The queue
 * turns over in arrival order.</li>
 * <li>{@link #offerToLastFreeAgent}: the overloaded floor: every agent but one is reserved with a call, {@code
 * calls} more wait. <b>One op = the one agent's offer ends unanswered ({@code offerFailed}): the call goes back
 * to the head of the queue, the agent is available, dispatch scans all agents, the strategy decides among one
 * candidate and the call is offered to that agent again.</b> (The queue's maxNoAnswers is set so high that the
 * agent is never paused.)</li>
 * <li>{@link #queueChurnOnly}: the part of {@code offerToIdleAgents} that is not the decision, as a baseline:
 * the gate stays closed; <b>one op = the head call's caller hangs up and a new call arrives</b> (two dispatches
 * that find no candidate). {@code offerToIdleAgents - queueChurnOnly} is about the cost of the decision
 * itself.</li>
 * </ul>
 * The numbers include the thread hand-off to the strategy pool, the records (which do nothing here; a real
 * store writes to a database) and the scans, but no SIP.
 */
@BenchmarkMode({ Mode.SampleTime, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DistributorDecisionBenchmark {

    /** How long the waiting calls have been arriving for. */
    static final Duration QUEUE_SPREAD = Duration.ofMinutes(10);

    /** All agents available, calls waiting; see {@link DistributorDecisionBenchmark#offerToIdleAgents}. */
    @State(Scope.Thread)
    public static class IdleAgents {
        @Param({ "longest-idle", "round-robin", "fewest-calls", "least-talk-time", "random", "weighted-random",
            "skills-best-match", "ring-all" })
        public String strategy;

        /** Agents logged in (and available): the candidates of each decision. */
        @Param({ "10", "100", "1000" })
        public int agents;

        /** Calls waiting in the queue. */
        @Param({ "100", "1000", "10000" })
        public int calls;

        BenchFloor floor;
        int expectedOffers;

        @Setup(Level.Trial)
        public void setUp() throws SettingsException {
            floor = new BenchFloor(strategy, agents);
            floor.fillQueue(calls, QUEUE_SPREAD);
            expectedOffers = floor.leg.offers;
            for (int i = 0; i < 3; i++) {
                idleCycle(this);
            }
            floor.resetCounters();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            check(floor, calls, expectedOffers);
            floor.close();
        }
    }

    /** All agents but one reserved, calls waiting; see {@link DistributorDecisionBenchmark#offerToLastFreeAgent}. */
    @State(Scope.Thread)
    public static class LastFreeAgent {
        @Param({ "longest-idle", "round-robin", "fewest-calls", "least-talk-time", "random", "weighted-random",
            "skills-best-match", "ring-all" })
        public String strategy;

        /** Agents logged in, all but one reserved with a call. */
        @Param({ "10", "100", "1000" })
        public int agents;

        /** Calls waiting in the queue (besides the ones offered to the agents). */
        @Param({ "100", "1000", "10000" })
        public int calls;

        BenchFloor floor;
        int expectedOffers;
        AgentOffer ringing;

        @Setup(Level.Trial)
        public void setUp() throws SettingsException {
            floor = new BenchFloor(strategy, agents);
            // Offered with the setup strategy, so that ring-all does not ring everybody for the first call.
            floor.acd.defineQueue(floor.queue);
            for (int i = 0; i < agents; i++) {
                ringing = floor.offerNewCall();
            }
            floor.acd.defineQueue(floor.queue.withStrategy(strategy));
            floor.fillQueue(calls, QUEUE_SPREAD);
            expectedOffers = floor.leg.offers;
            for (int i = 0; i < 3; i++) {
                lastFreeCycle(this);
            }
            floor.resetCounters();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            check(floor, calls + agents, expectedOffers);
            floor.close();
        }
    }

    /** The gate stays closed; see {@link DistributorDecisionBenchmark#queueChurnOnly}. */
    @State(Scope.Thread)
    public static class ChurnOnly {
        /** Agents logged in and available (none is a candidate: the gate stays closed). */
        @Param({ "10", "100", "1000" })
        public int agents;

        /** Calls waiting in the queue. */
        @Param({ "100", "1000", "10000" })
        public int calls;

        BenchFloor floor;

        @Setup(Level.Trial)
        public void setUp() throws SettingsException {
            floor = new BenchFloor("longest-idle", agents);
            floor.fillQueue(calls, QUEUE_SPREAD);
            floor.resetCounters();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            check(floor, calls, floor.leg.offers);
            floor.close();
        }
    }

    @Benchmark
    public AgentOffer offerToIdleAgents(IdleAgents state) {
        return idleCycle(state);
    }

    @Benchmark
    public AgentOffer offerToLastFreeAgent(LastFreeAgent state) {
        return lastFreeCycle(state);
    }

    @Benchmark
    public int queueChurnOnly(ChurnOnly state) {
        BenchFloor floor = state.floor;
        floor.acd.callerAbandoned(floor.waiting.pollFirst());
        floor.enqueueNewCall();
        return floor.acd.callsInProgress();
    }

    static AgentOffer idleCycle(IdleAgents state) {
        BenchFloor floor = state.floor;
        String head = floor.waiting.pollFirst();
        long start = BenchFloor.BREAKDOWN ? System.nanoTime() : 0;
        floor.openGate();
        floor.acd.redistribute();
        floor.closeGate();
        long decided = BenchFloor.BREAKDOWN ? System.nanoTime() : 0;
        AgentOffer offer = floor.leg.lastOffer;
        state.expectedOffers += "ring-all".equals(state.strategy) ? state.agents : 1;
        if (!offer.callId().equals(head) || floor.leg.offers != state.expectedOffers) {
            throw new IllegalStateException("expected the head call " + head + " offered, got " + offer
                    + " after " + floor.leg.offers + " offers");
        }
        floor.acd.callerAbandoned(head);
        floor.enqueueNewCall();
        if (BenchFloor.BREAKDOWN) {
            floor.recordPhases(start, decided, System.nanoTime());
        }
        return offer;
    }

    static AgentOffer lastFreeCycle(LastFreeAgent state) {
        BenchFloor floor = state.floor;
        AgentOffer ringing = state.ringing;
        long start = BenchFloor.BREAKDOWN ? System.nanoTime() : 0;
        floor.openGate();
        floor.acd.offerFailed(ringing.callId(), ringing.agentId(), OfferOutcome.NO_ANSWER, "no answer");
        floor.closeGate();
        if (BenchFloor.BREAKDOWN) {
            long end = System.nanoTime();
            floor.recordPhases(start, end, end);
        }
        AgentOffer offer = floor.leg.lastOffer;
        if (++state.expectedOffers != floor.leg.offers || !offer.callId().equals(ringing.callId())) {
            throw new IllegalStateException("expected call " + ringing.callId() + " offered again, got " + offer);
        }
        return offer;
    }

    /** The op kept the state: as many calls as at the start, no call released, no offer missed. */
    static void check(BenchFloor floor, int callsInProgress, int expectedOffers) {
        if (floor.acd.callsInProgress() != callsInProgress || floor.leg.releases != 0
                || floor.leg.offers != expectedOffers) {
            throw new IllegalStateException("state drifted: " + floor.acd.callsInProgress() + " calls (expected "
                    + callsInProgress + "), " + floor.leg.releases + " released, " + floor.leg.offers
                    + " offers (expected " + expectedOffers + ")");
        }
        System.out.println();
        System.out.println("NOTE: " + floor.breakdown());
        if (floor.fallbacks > 0) {
            System.out.println("NOTE: " + floor.fallbacks + " of " + floor.decisions
                    + " decisions went to the fallback strategy; last cause: " + floor.lastFallbackCause);
        }
    }
}
