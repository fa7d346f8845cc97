package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;

/**
 * Asks the queue's routing strategy for a decision, within the queue's time budget, on a thread of its own so
 * that a strategy can never hold up the distributor. A strategy that is missing, throws, is late or answers
 * with agents that were not candidates is skipped for that decision (and logged); the queue's fallback strategy
 * decides, and if that fails too, the built-in longest-idle choice does.
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

    Choice choose(QueueSettings queue, RoutingRequest request) {
        Optional<InstalledStrategy> own = strategies.apply(queue.strategy());
        String cause;
        if (own.isPresent()) {
            Attempt attempt = attempt(own.get(), request, queue.strategyBudget());
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
            Attempt attempt = attempt(fallback.get(), request, queue.strategyBudget());
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

    private Attempt attempt(InstalledStrategy strategy, RoutingRequest request, Duration budget) {
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
            Attempt attempt = future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            return validated(attempt, request);
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

    private static Attempt validated(Attempt attempt, RoutingRequest request) {
        RoutingDecision decision = attempt.decision();
        if (decision == null) {
            return new Attempt(null, attempt.took(), "returned no decision");
        }
        Set<String> candidates = request.candidates().stream().map(CandidateAgent::agentId)
                .collect(Collectors.toSet());
        Set<String> unknown = decision.rankedAgentIds().stream().filter(id -> !candidates.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            return new Attempt(null, attempt.took(), "chose agents that were not candidates: " + unknown);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(decision.rankedAgentIds()));
        return new Attempt(new RoutingDecision(distinct, decision.reason(), decision.ringAll()), attempt.took(), null);
    }
}
