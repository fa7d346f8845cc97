package org.switchboard.crm.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.CallEnricher;
import org.switchboard.api.acd.CallEnrichment;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallEvents;
import org.switchboard.api.call.CallVariables;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.CustomerDirectory;

/**
 * The server's side of the CRM: recognises callers for the distributor ({@link CallEnricher}), records every
 * ended call as an interaction ({@link EventHandler} of {@link CallEvents#ENDED}) and offers the adapter in use
 * to the shell and console ({@link CustomerDirectory}). The adapter is chosen by name from those registered, at
 * each lookup and each recording, so that switching adapters, or one stopping, never touches a call in
 * progress: without an adapter callers are unknown.
 * <p>
 * Enrichment: variables {@code crm.customerId}, {@code crm.customerName}, {@code crm.vipLevel},
 * {@code crm.region} and {@code crm.previousAgent} (the agent who served the customer last), when known; the
 * priority boost is the customer's VIP level. A call that already carries {@code crm.customerId} (keyed in by
 * the caller in the IVR) is looked up by that id instead of the calling number.
 */
@Component(configurationPid = CrmSettings.PID, immediate = true,
        service = { CallEnricher.class, CustomerDirectory.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + CallEvents.ENDED)
@Designate(ocd = CrmConfig.class)
public class CrmCore implements CallEnricher, CustomerDirectory, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CrmCore.class);
    private static final int LOOKUP_THREADS = 4;
    private static final int LOOKUPS_WAITING = 64;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configurations;

    private final RegisteredAdapters adapters = new RegisteredAdapters();
    private final Clock clock = Clock.systemUTC();
    private final LogThrottle throttle = new LogThrottle(Duration.ofSeconds(10), System::nanoTime);
    private final ExecutorService lookupPool = new ThreadPoolExecutor(LOOKUP_THREADS, LOOKUP_THREADS, 30,
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(LOOKUPS_WAITING), threads("switchboard-crm-lookup"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            threads("switchboard-crm-budget"));
    private final ScheduledExecutorService recorderThread = Executors.newSingleThreadScheduledExecutor(
            threads("switchboard-crm-interactions"));
    private volatile CrmSettings settings = CrmSettings.DEFAULTS;
    private volatile CallerCache cache = newCache(CrmSettings.DEFAULTS);
    private final CallerLookup lookup = new CallerLookup(adapters, () -> settings, () -> cache, lookupPool, timer,
            throttle);
    private final InteractionRecorder recorder;

    public CrmCore() {
        this(Duration.ofSeconds(2));
    }

    /** @param firstRetryDelay how long a failed recording waits before its first retry; doubles each time */
    CrmCore(Duration firstRetryDelay) {
        ((ThreadPoolExecutor) lookupPool).allowCoreThreadTimeOut(true);
        recorder = new InteractionRecorder(adapters, () -> settings, () -> cache, recorderThread, firstRetryDelay,
                throttle);
    }

    @Activate
    void activate(Map<String, Object> properties) {
        try {
            apply(CrmSettings.from(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {}: {}; the CRM uses the default settings {} until this is corrected",
                    CrmSettings.PID, e.getMessage(), settings);
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        try {
            apply(CrmSettings.from(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: the CRM keeps its previous settings {}", CrmSettings.PID,
                    e.getMessage(), settings);
        }
    }

    @Deactivate
    void deactivate() {
        lookupPool.shutdownNow();
        timer.shutdownNow();
        recorderThread.shutdownNow();
        List<String> notRecorded = recorder.pendingCallIds();
        if (!notRecorded.isEmpty()) {
            LOG.error("The CRM bundle stops before the interactions of calls {} are recorded", notRecorded);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAdapter(CrmAdapter adapter, Map<String, Object> properties) {
        adapters.add(adapter, properties);
        LOG.info("CRM adapter {} registered{}", properties.get(CrmAdapter.NAME_PROPERTY),
                settings.adapter().equals(properties.get(CrmAdapter.NAME_PROPERTY)) ? "; it is the one in use" : "");
    }

    void unbindAdapter(CrmAdapter adapter, Map<String, Object> properties) {
        adapters.remove(adapter);
        if (settings.adapter().equals(properties.get(CrmAdapter.NAME_PROPERTY))
                && adapters.named(settings.adapter()).isEmpty()) {
            LOG.warn("CRM adapter {}, the one in use, is gone: callers are unknown until it is back",
                    settings.adapter());
        }
    }

    // ---- CallEnricher

    @Override
    public CompletionStage<CallEnrichment> enrich(InboundCall call) {
        String keyedId = call.variables().get(EndedCall.CUSTOMER_ID);
        return (keyedId != null && !keyedId.isBlank() ? lookup.byId(keyedId.trim()) : lookup.byPhone(call.ani()))
                .thenApply(card -> card.map(CrmCore::enrichment).orElse(CallEnrichment.NONE));
    }

    static CallEnrichment enrichment(CustomerCard card) {
        Map<String, String> variables = new HashMap<>();
        variables.put(CallVariables.CUSTOMER_ID, card.customer().id());
        variables.put(CallVariables.CUSTOMER_NAME, card.customer().name());
        variables.put(CallVariables.VIP_LEVEL, Integer.toString(card.customer().vipLevel()));
        if (card.customer().region() != null) {
            variables.put(CallVariables.REGION, card.customer().region());
        }
        if (card.lastAgent() != null) {
            variables.put(CallVariables.PREVIOUS_AGENT, card.lastAgent());
        }
        return new CallEnrichment(variables, card.customer().vipLevel());
    }

    // ---- EventHandler

    @Override
    public void handleEvent(Event event) {
        Optional<EndedCall> call = EndedCall.of(event, clock.instant());
        if (call.isEmpty()) {
            LOG.warn("An event {} without call id or caller is ignored: {}", event.getTopic(), event);
            return;
        }
        recorder.record(call.get());
    }

    // ---- CustomerDirectory

    @Override
    public String adapterName() {
        return settings.adapter();
    }

    @Override
    public List<String> adapterNames() {
        return adapters.names();
    }

    @Override
    public Optional<CrmAdapter> adapter() {
        return adapters.named(settings.adapter());
    }

    @Override
    public Optional<CustomerCard> lookup(String phone) {
        // Completes within the budget by construction; join does not wait longer.
        return lookup.byPhone(phone).join();
    }

    @Override
    public void useAdapter(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an adapter name is required");
        }
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            throw new IllegalStateException("Config Admin is not running: cannot change " + CrmSettings.PID);
        }
        try {
            Configuration configuration = admin.getConfiguration(CrmSettings.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put(CrmSettings.ADAPTER, name.trim());
            Map<String, Object> checked = new HashMap<>();
            for (String key : java.util.Collections.list(properties.keys())) {
                checked.put(key, properties.get(key));
            }
            CrmSettings.from(checked); // refuse a bad name before it reaches the file
            configuration.updateIfDifferent(properties);
            LOG.info("CRM adapter set to {} (was {})", name.trim(), settings.adapter());
        } catch (IOException e) {
            throw new IllegalStateException("cannot change the configuration " + CrmSettings.PID + ": "
                    + e.getMessage(), e);
        }
    }

    /** The calls whose interactions are not recorded yet (being tried or waiting for a retry). */
    List<String> pendingInteractions() {
        return recorder.pendingCallIds();
    }

    private void apply(CrmSettings next) {
        CrmSettings previous = settings;
        if (next.cacheSeconds() != previous.cacheSeconds() || next.cacheSize() != previous.cacheSize()) {
            cache = newCache(next);
        }
        settings = next;
        if (!next.adapter().equals(previous.adapter())) {
            LOG.info("The CRM now uses adapter {}{}", next.adapter(),
                    adapters.named(next.adapter()).isPresent() ? "" : " (not registered: callers are unknown until "
                            + "it is)");
        }
    }

    private static CallerCache newCache(CrmSettings settings) {
        return new CallerCache(settings.cacheSize(), settings.cacheSeconds(), System::nanoTime);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
