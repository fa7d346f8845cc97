package org.switchboard.bench.routing;

import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * One {@link RoutingStrategy#decide} of each of the project's eight strategies, called directly (no
 * distributor, no thread hand-off), with {@code agents} candidates.
 * <p>
 * One op = one {@code decide(request)} on a request prepared in {@link #prepare} (see {@link Workload} for the
 * data). Eight requests with different data are used in turn so that no single input is learnt by the branch
 * predictor; like the distributor's, each lists its candidates in agent-id order. The strategy instance lives
 * for the whole trial, as a service does (round-robin keeps its per-queue position between decisions).
 * <p>
 * SampleTime gives the distribution (p99); AverageTime the mean throughput cost.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.SampleTime, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StrategyDecisionBenchmark {

    private static final int VARIANTS = 8;

    @Param({ "longest-idle", "round-robin", "fewest-calls", "least-talk-time", "random", "weighted-random",
        "skills-best-match", "ring-all" })
    public String strategy;

    /** Candidate agents in the request. */
    @Param({ "10", "100", "1000" })
    public int agents;

    private RoutingStrategy service;
    private RoutingRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        service = Strategies.create(strategy);
        Instant now = Instant.parse("2026-03-10T10:30:00Z");
        requests = new RoutingRequest[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            requests[i] = Workload.request(agents, 42 + i, now);
        }
        RoutingDecision check = service.decide(requests[0]);
        int expected = check.ringAll() ? agents : 1; // strategies return just their choice, ring-all everyone
        if (check.rankedAgentIds().size() != expected) {
            throw new IllegalStateException(strategy + " ranked " + check.rankedAgentIds().size() + " of "
                    + expected + " candidates");
        }
    }

    @Benchmark
    public RoutingDecision decide() {
        RoutingRequest request = requests[next];
        next = (next + 1) & (VARIANTS - 1);
        return service.decide(request);
    }
}
