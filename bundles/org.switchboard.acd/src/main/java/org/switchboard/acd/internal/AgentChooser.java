package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Asks the queue's routing strategy for a decision within the queue's time budget: on a thread of the strategy
 * pool, so that a strategy can never hold up the distributor, or on the calling (decision) thread for strategies
 * that declared themselves inline, which saves the hand-over; an inline strategy that overruns its budget is
 * demoted to the pool for good. A strategy that is missing, throws, is late or answers with agents that were
 * not candidates is skipped for that decision (and logged); the queue's fallback strategy decides, and if that
 * fails too, the built-in longest-idle choice does.
 */
final class AgentChooser {
    private static final Logger LOG = LoggerFactory.getLogger(AgentChooser.class);

    /**
     * What was decided.
     *
     * @param agents        agents to offer the call to, best first (empty: none now)
     * @param ringAll       offer to all of them at once
     * @param strategy      the strategy that decided
     * @param reason        its reason
     * @param took          how long it took
     * @param fallbackCause why the queue's own strategy did not decide, or {@code null}
     */
    record Choice(List<String> agents, boolean ringAll, InstalledStrategy strategy, String reason, Duration took,
            String fallbackCause) {
    }

    private record Attempt(RoutingDecision decision, Duration took, String problem) {
    }

    private final Function<String, Optional<InstalledStrategy>> strategies;
    private final ExecutorService strategyThreads;
    /** Inline strategies that overran their budget once: they run on the pool from then on. */
    private final Set<RoutingStrategy> demoted = Collections.newSetFromMap(new WeakHashMap<>());

    AgentChooser(Function<String, Optional<InstalledStrategy>> strategies, ExecutorService strategyThreads) {
        this.strategies = strategies;
        this.strategyThreads = strategyThreads;
    }

    /** The strategy that decides the queue's calls now: its own, else its fallback, else the built-in one. */
    String strategyInUse(QueueSettings queue) {
        if (strategies.apply(queue.strategy()).isPresent()) {
            return queue.strategy();
        }
        return strategies.apply(queue.fallbackStrategy()).map(InstalledStrategy::name)
                .orElse(LongestIdleFallback.INSTALLED.name() + " (built-in)");
    }

    /**
     * @param isCandidate tells whether an agent id is one of the request's candidates (cheaper than a set of
     *                    them, since only the chosen agents are checked)
     */
    Choice choose(QueueSettings queue, RoutingRequest request, Predicate<String> isCandidate) {
        Optional<InstalledStrategy> own = strategies.apply(queue.strategy());
        String cause;
        if (own.isPresent()) {
            Attempt attempt = attempt(own.get(), request, queue.strategyBudget(), isCandidate);
            if (attempt.problem() == null) {
                return choice(own.get(), attempt, null);
            }
            cause = "strategy " + queue.strategy() + " " + own.get().version() + " " + attempt.problem();
            LOG.error("call {} in queue {}: {}; the fallback strategy {} decides", request.call().callId(),
                    queue.name(), cause, queue.fallbackStrategy());
        } else {
            cause = "strategy " + queue.strategy() + " is not installed";
        }
        Optional<InstalledStrategy> fallback = strategies.apply(queue.fallbackStrategy())
                .filter(s -> !s.name().equals(queue.strategy()));
        if (fallback.isPresent()) {
            Attempt attempt = attempt(fallback.get(), request, queue.strategyBudget(), isCandidate);
            if (attempt.problem() == null) {
                return choice(fallback.get(), attempt, cause);
            }
            cause = cause + "; fallback " + queue.fallbackStrategy() + " " + attempt.problem();
            LOG.error("call {} in queue {}: fallback strategy {} {}; the built-in longest-idle choice decides",
                    request.call().callId(), queue.name(), queue.fallbackStrategy(), attempt.problem());
        }
        long started = System.nanoTime();
        RoutingDecision builtIn = LongestIdleFallback.INSTALLED.service().decide(request);
        return choice(LongestIdleFallback.INSTALLED,
                new Attempt(builtIn, Duration.ofNanos(System.nanoTime() - started), null), cause);
    }

    private static Choice choice(InstalledStrategy strategy, Attempt attempt, String fallbackCause) {
        RoutingDecision decision = attempt.decision();
        return new Choice(decision.rankedAgentIds(), decision.ringAll(), strategy, decision.reason(), attempt.took(),
                fallbackCause);
    }

    private Attempt attempt(InstalledStrategy strategy, RoutingRequest request, Duration budget,
            Predicate<String> isCandidate) {
        Attempt attempt = strategy.inline() && !demoted.contains(strategy.service())
                ? inline(strategy, request, budget)
                : isolated(strategy, request, budget);
        return attempt.problem() == null ? validated(attempt, isCandidate) : attempt;
    }

    private Attempt inline(InstalledStrategy strategy, RoutingRequest request, Duration budget) {
        long started = System.nanoTime();
        RoutingDecision decision;
        try {
            decision = strategy.service().decide(request);
        } catch (RuntimeException | LinkageError e) {
            return new Attempt(null, Duration.ofNanos(System.nanoTime() - started), "threw " + e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(budget) > 0) {
            demoted.add(strategy.service());
            LOG.warn("inline strategy {} {} took {} µs, over its budget of {} ms: it runs on the strategy pool "
                    + "from now on", strategy.name(), strategy.version(), took.toNanos() / 1000, budget.toMillis());
            return new Attempt(null, took, "took longer than its budget of " + budget.toMillis() + " ms");
        }
        return new Attempt(decision, took, null);
    }

    private Attempt isolated(InstalledStrategy strategy, RoutingRequest request, Duration budget) {
        Future<Attempt> future;
        try {
            future = strategyThreads.submit(() -> {
                long started = System.nanoTime();
                RoutingDecision decision = strategy.service().decide(request);
                return new Attempt(decision, Duration.ofNanos(System.nanoTime() - started), null);
            });
        } catch (RejectedExecutionException e) {
            return new Attempt(null, Duration.ZERO, "could not run: all strategy threads are busy");
        }
        try {
            return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Attempt(null, budget, "took longer than its budget of " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Attempt(null, Duration.ZERO, "threw " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, Duration.ZERO, "was interrupted");
        }
    }

    /** Checks the agents the distributor will use: the first one, or all of them for ring-all. */
    private static Attempt validated(Attempt attempt, Predicate<String> isCandidate) {
        RoutingDecision decision = attempt.decision();
        if (decision == null) {
            return new Attempt(null, attempt.took(), "returned no decision");
        }
        List<String> used = decision.ringAll() ? List.copyOf(new LinkedHashSet<>(decision.rankedAgentIds()))
                : decision.rankedAgentIds().isEmpty() ? List.of() : List.of(decision.rankedAgentIds().get(0));
        for (String agentId : used) {
            if (!isCandidate.test(agentId)) {
                return new Attempt(null, attempt.took(), "chose an agent who was not a candidate: " + agentId);
            }
        }
        return new Attempt(new RoutingDecision(used, decision.reason(), decision.ringAll()), attempt.took(), null);
    }
}
