package org.switchboard.crm.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.NewCustomer;

/**
 * Records every ended call as an interaction in the adapter in use, on its own thread, never the Event Admin's.
 * The customer is the one the call was enriched with, else the owner of the calling number, else (when so
 * configured) a new customer made from the number. A failed attempt is retried a few times, waiting longer each
 * time; a call given up on is logged as an error with its id, and so are calls still waiting when the bundle
 * stops.
 */
final class InteractionRecorder {

    static final int ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(InteractionRecorder.class);

    private final RegisteredAdapters adapters;
    private final Supplier<CrmSettings> settings;
    private final Supplier<CallerCache> cache;
    private final ScheduledExecutorService worker;
    private final Duration firstRetryDelay;
    private final LogThrottle throttle;
    private final Map<String, EndedCall> pending = new ConcurrentHashMap<>();

    InteractionRecorder(RegisteredAdapters adapters, Supplier<CrmSettings> settings, Supplier<CallerCache> cache,
            ScheduledExecutorService worker, Duration firstRetryDelay, LogThrottle throttle) {
        this.adapters = adapters;
        this.settings = settings;
        this.cache = cache;
        this.worker = worker;
        this.firstRetryDelay = firstRetryDelay;
        this.throttle = throttle;
    }

    void record(EndedCall call) {
        pending.put(call.callId(), call);
        schedule(call, 1, Duration.ZERO);
    }

    /** The calls not recorded yet, by id. */
    List<String> pendingCallIds() {
        return pending.keySet().stream().sorted().toList();
    }

    private void schedule(EndedCall call, int attempt, Duration delay) {
        try {
            worker.schedule(() -> attempt(call, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.remove(call.callId());
            LOG.error("The interaction of call {} from {} is not recorded in the CRM: the CRM bundle is stopping",
                    call.callId(), call.ani());
        }
    }

    private void attempt(EndedCall call, int attempt) {
        try {
            recordOnce(call);
            pending.remove(call.callId());
        } catch (RuntimeException | LinkageError e) {
            if (attempt < ATTEMPTS) {
                Duration delay = firstRetryDelay.multipliedBy(1L << (attempt - 1));
                long leftOut = throttle.permit("retry");
                if (leftOut != LogThrottle.SUPPRESSED) {
                    LOG.warn("The interaction of call {} could not be recorded in the CRM ({}); trying again in "
                            + "{} ms{}", call.callId(), e.toString(), delay.toMillis(), throttle.leftOut(leftOut));
                }
                schedule(call, attempt + 1, delay);
            } else {
                pending.remove(call.callId());
                LOG.error("The interaction of call {} from {} (queue {}, agent {}, {}) is NOT recorded in the CRM: "
                        + "{} attempts failed, the last with {}", call.callId(), call.ani(), call.queue(),
                        call.agentId(), call.disposition(), ATTEMPTS, e.toString());
            }
        }
    }

    private void recordOnce(EndedCall call) {
        CrmSettings current = settings.get();
        CrmAdapter adapter = adapters.named(current.adapter()).orElseThrow(
                () -> new CrmException("CRM adapter " + current.adapter() + " is not available"));
        String customerId = call.variables().get(EndedCall.CUSTOMER_ID);
        if (customerId == null) {
            customerId = adapter.findByPhone(call.ani()).map(Customer::id).orElse(null);
        }
        if (customerId == null) {
            if (!current.createUnknownCallers() || call.ani().chars().noneMatch(Character::isDigit)) {
                LOG.info("Call {} from {} is not recorded in the CRM: the caller is no customer", call.callId(),
                        call.ani());
                return;
            }
            customerId = adapter.createCustomer(NewCustomer.unknownCaller(call.ani())).id();
            cache.get().forget(current.adapter(), call.ani());
            LOG.info("Caller {} of call {} is a new customer, {}", call.ani(), call.callId(), customerId);
        }
        adapter.recordInteraction(new Interaction(call.callId(), customerId, null, call.ani(), call.queue(),
                call.agentId(), call.disposition(), call.arrivedAt(), call.endedAt(),
                call.variables().get(EndedCall.NOTES), call.variables().get(EndedCall.RECORDING_ID)));
    }
}
