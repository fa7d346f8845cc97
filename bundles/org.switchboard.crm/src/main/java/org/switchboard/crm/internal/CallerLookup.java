package org.switchboard.crm.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;

/**
 * Finds a caller's card in the adapter in use without ever making the asker wait longer than the lookup budget:
 * the adapter is asked on the lookup pool, the answer is cached, and a lookup that is late, fails or finds no
 * free thread answers "unknown" (logged, at most once per ten seconds per kind). A late answer still fills the
 * cache for the caller's next call.
 */
final class CallerLookup {

    /** How many recent interactions a card carries. */
    static final int CARD_INTERACTIONS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CallerLookup.class);

    private final RegisteredAdapters adapters;
    private final Supplier<CrmSettings> settings;
    private final Supplier<CallerCache> cache;
    private final Executor lookupPool;
    private final ScheduledExecutorService timer;
    private final LogThrottle throttle;

    CallerLookup(RegisteredAdapters adapters, Supplier<CrmSettings> settings, Supplier<CallerCache> cache,
            Executor lookupPool, ScheduledExecutorService timer, LogThrottle throttle) {
        this.adapters = adapters;
        this.settings = settings;
        this.cache = cache;
        this.lookupPool = lookupPool;
        this.timer = timer;
        this.throttle = throttle;
    }

    /** The card of the customer calling from {@code phone}, or empty; always completes within the budget. */
    CompletableFuture<Optional<CustomerCard>> byPhone(String phone) {
        return lookUp("phone " + phone, phone, adapter -> adapter.findByPhone(phone));
    }

    /** The card of the customer with this id (keyed in by the caller), or empty; within the budget. */
    CompletableFuture<Optional<CustomerCard>> byId(String customerId) {
        return lookUp("customer " + customerId, "id:" + customerId, adapter -> adapter.findById(customerId));
    }

    private CompletableFuture<Optional<CustomerCard>> lookUp(String what, String cacheKey,
            Function<CrmAdapter, Optional<Customer>> find) {
        CrmSettings current = settings.get();
        Optional<CrmAdapter> adapter = adapters.named(current.adapter());
        if (adapter.isEmpty()) {
            logThrottled("unavailable", "CRM adapter {} is not available: {} is treated as unknown{}",
                    current.adapter(), what);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CallerCache answers = cache.get();
        Optional<Optional<CustomerCard>> cached = answers.get(current.adapter(), cacheKey);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        CompletableFuture<Optional<CustomerCard>> answer = new CompletableFuture<>();
        try {
            lookupPool.execute(() -> {
                try {
                    Optional<CustomerCard> card = find.apply(adapter.get())
                            .flatMap(customer -> adapter.get().card(customer.id(), CARD_INTERACTIONS));
                    answers.put(current.adapter(), cacheKey, card);
                    answer.complete(card);
                } catch (RuntimeException | LinkageError e) {
                    logThrottled("failed", "CRM adapter {} failed to look up {}: " + e + "; treated as unknown{}",
                            current.adapter(), what);
                    answer.complete(Optional.empty());
                }
            });
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                if (answer.complete(Optional.empty())) {
                    logThrottled("late", "CRM adapter {} did not find {} within " + current.lookupBudgetMillis()
                            + " ms; treated as unknown{}", current.adapter(), what);
                }
            }, current.lookupBudgetMillis(), TimeUnit.MILLISECONDS);
            answer.whenComplete((card, failure) -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            logThrottled("busy", "CRM adapter {}: every lookup thread is busy (or the server is stopping); {} is "
                    + "treated as unknown{}", current.adapter(), what);
            answer.complete(Optional.empty());
        }
        return answer;
    }

    private void logThrottled(String kind, String message, String adapter, String what) {
        long leftOut = throttle.permit(kind);
        if (leftOut != LogThrottle.SUPPRESSED) {
            LOG.warn(message, adapter, what, throttle.leftOut(leftOut));
        }
    }
}
