package org.switchboard.acd.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentSessionStore;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.acd.CallEnricher;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.acd.QueuePlace;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.StrategyInfo;
import org.switchboard.api.acd.WaitingCallView;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistrationListener;
import org.switchboard.api.sip.PhoneRegistry;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * The distributor service. Every request is handed to one decision thread that owns the
 * {@link CallDistribution}; callers from SIP threads never wait, the shell waits for its answer. Routing
 * strategies are dynamic, greedy references: one that comes, goes or is updated changes the next decision
 * and never a call already waiting or ringing. So are the call enrichers (asked about each new call, waited for
 * at most {@code enrichmentBudgetMillis}) and Event Admin, through which calls' and agents' changes are posted
 * (without it nothing is posted).
 */
@Component(configurationPid = "org.switchboard.acd", service = { CallDistributor.class, AgentDesk.class,
    PhoneCredentials.class, PhoneRegistrationListener.class, AcdDefinitions.class }, immediate = true)
@Designate(ocd = Distributor.Config.class)
public class Distributor
        implements CallDistributor, AgentDesk, PhoneCredentials, PhoneRegistrationListener, AcdDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(Distributor.class);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int STRATEGY_THREADS = 4;
    private static final int ENRICHER_THREADS = 2;
    private static final int ENRICHER_BACKLOG = 1000;
    private static final int MAX_ENRICHMENT_BUDGET_MILLIS = 10_000;
    /** Queue places are taken again when older than this; a caller hears a position at most this old. */
    private static final Duration QUEUE_PLACES_MAX_AGE = Duration.ofSeconds(1);
    /** How long a caller of queuePlace or surveyFlow waits for the decision thread before it makes do. */
    private static final Duration SHORT_ANSWER = Duration.ofSeconds(1);

    @ObjectClassDefinition(name = "Switchboard distributor", description = "Settings shared by all queues")
    @interface Config {
        @AttributeDefinition(description = "Reason codes agents may pause with, comma-separated")
        String[] pauseReasons() default { "break", "lunch", "training", "meeting" };

        @AttributeDefinition(description = "Milliseconds a new call waits for the call enrichers (CRM) before it is "
                + "routed without those that have not answered (0-10000)")
        int enrichmentBudgetMillis() default 300;
    }

    private final ScheduledExecutorService decisions;
    private final ThreadPoolExecutor strategyThreads;
    private final ThreadPoolExecutor enricherThreads;
    private final RegisteredEnrichers enrichers;
    private final Clock clock = Clock.systemUTC();
    private volatile EventAdmin eventAdmin;
    private volatile QueuePlaces queuePlaces = QueuePlaces.NONE;
    private final CallDistribution distribution;
    private final ConfigurationAdmin configurations;
    private final Map<String, List<InstalledStrategy>> strategies = new ConcurrentHashMap<>();
    private volatile PhoneRegistry registry;
    private volatile Map<String, String> queueByNumber = Map.of();
    private volatile Map<String, String> passwordByPhone = Map.of();

    @Activate
    public Distributor(@Reference CallDetailRecordStore records, @Reference AgentStateJournal journal,
            @Reference RoutingDecisionLog decisionLog, @Reference AgentSessionStore sessions,
            @Reference ConfigurationAdmin configurations, Map<String, Object> properties) {
        this.configurations = configurations;
        decisions = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "switchboard-acd-decisions"));
        AtomicInteger threadNumber = new AtomicInteger();
        strategyThreads = new ThreadPoolExecutor(0, STRATEGY_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "switchboard-routing-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        AtomicInteger enricherNumber = new AtomicInteger();
        enricherThreads = new ThreadPoolExecutor(ENRICHER_THREADS, ENRICHER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(ENRICHER_BACKLOG), r -> {
                    Thread thread = new Thread(r, "switchboard-enricher-" + enricherNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        enricherThreads.allowCoreThreadTimeOut(true);
        enrichers = new RegisteredEnrichers(enricherThreads, this::run);
        distribution = new CallDistribution(clock,
                new CallDistribution.Records(records, journal, decisionLog, sessions), this::locatePhone,
                this::schedule, new AgentChooser(this::installedStrategy, strategyThreads), enrichers,
                new CallEventPublisher(this::postEvent));
        // The first task of the decision thread, so before any call, registration or agent definition: the calls
        // the last stop left open are closed, and the agents' sessions wait for their agents' definitions.
        InterruptedCalls interrupted = new InterruptedCalls(records);
        run(() -> {
            int closed = interrupted.closeAll();
            int waiting = distribution.loadSessions();
            LOG.info("distributor started: {} interrupted calls closed, {} agent sessions to restore", closed,
                    waiting);
        });
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigValues values = new ConfigValues(properties);
        List<String> reasons = values.list("pauseReasons");
        try {
            for (String reason : reasons) {
                ConfigValues.checkName("pauseReasons", reason);
            }
            int budget = values.intAtLeast("enrichmentBudgetMillis",
                    (int) CallDistribution.DEFAULT_ENRICHMENT_BUDGET.toMillis(), 0);
            if (budget > MAX_ENRICHMENT_BUDGET_MILLIS) {
                throw new SettingsException("enrichmentBudgetMillis", "must be at most " + MAX_ENRICHMENT_BUDGET_MILLIS
                        + " (callers wait meanwhile), was " + budget);
            }
            List<String> accepted = reasons.isEmpty() ? List.of("break", "lunch", "training", "meeting") : reasons;
            run(() -> {
                distribution.setPauseReasons(accepted);
                distribution.setEnrichmentBudget(Duration.ofMillis(budget));
            });
        } catch (SettingsException e) {
            LOG.error("configuration org.switchboard.acd rejected, {}: the previous settings stay", e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRegistry(PhoneRegistry registry) {
        this.registry = registry;
        run(distribution::redistribute);
    }

    void unsetRegistry(PhoneRegistry registry) {
        if (this.registry == registry) {
            this.registry = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    void unsetEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    /** An enricher that comes is asked about the next calls; one that goes is not waited for by later calls. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEnricher(CallEnricher enricher) {
        enrichers.add(enricher);
        LOG.info("call enricher {} available", enricher.getClass().getName());
    }

    void removeEnricher(CallEnricher enricher) {
        enrichers.remove(enricher);
        LOG.info("call enricher {} gone", enricher.getClass().getName());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStrategy(RoutingStrategy strategy, ServiceReference<RoutingStrategy> reference) {
        Object name = reference.getProperty(RoutingStrategy.NAME_PROPERTY);
        if (name == null || name.toString().isBlank()) {
            LOG.warn("routing strategy {} from bundle {} has no {} property; ignored", strategy,
                    reference.getBundle().getSymbolicName(), RoutingStrategy.NAME_PROPERTY);
            return;
        }
        InstalledStrategy installed = new InstalledStrategy(name.toString(), reference.getBundle().getSymbolicName(),
                reference.getBundle().getVersion().toString(), strategy,
                Boolean.parseBoolean(String.valueOf(reference.getProperty(RoutingStrategy.INLINE_PROPERTY))));
        strategies.computeIfAbsent(installed.name(), n -> new CopyOnWriteArrayList<>()).add(installed);
        LOG.info("routing strategy {} {} available (bundle {})", installed.name(), installed.version(),
                installed.bundle());
        run(distribution::redistribute);
    }

    void removeStrategy(RoutingStrategy strategy, ServiceReference<RoutingStrategy> reference) {
        strategies.values().forEach(list -> list.removeIf(installed -> installed.service() == strategy));
        strategies.values().removeIf(List::isEmpty);
        LOG.info("routing strategy {} from bundle {} gone", reference.getProperty(RoutingStrategy.NAME_PROPERTY),
                reference.getBundle().getSymbolicName());
    }

    @Deactivate
    void deactivate() {
        decisions.shutdownNow();
        strategyThreads.shutdownNow();
        enricherThreads.shutdownNow();
        int open = distribution.callsInProgress();
        if (open > 0) {
            LOG.warn("distributor stopped with {} calls in progress", open);
        }
    }

    // ---- CallDistributor: from SIP threads, never waits

    @Override
    public Optional<String> queueForNumber(String dnis) {
        return Optional.ofNullable(queueByNumber.get(dnis));
    }

    @Override
    public void enqueue(InboundCall call, CallerLeg leg) {
        run(() -> distribution.enqueue(call, leg));
    }

    @Override
    public void agentRinging(String callId, String agentId) {
        run(() -> distribution.agentRinging(callId, agentId));
    }

    @Override
    public void offerAnswered(String callId, String agentId) {
        run(() -> distribution.offerAnswered(callId, agentId));
    }

    @Override
    public void offerFailed(String callId, String agentId, OfferOutcome outcome, String detail) {
        run(() -> distribution.offerFailed(callId, agentId, outcome, detail));
    }

    @Override
    public void callerAbandoned(String callId) {
        run(() -> distribution.callerAbandoned(callId));
    }

    @Override
    public void callEnded(String callId, String hungUpBy) {
        run(() -> distribution.callEnded(callId, hungUpBy));
    }

    @Override
    public void callFailed(String callId, String reason) {
        run(() -> distribution.callFailed(callId, reason));
    }

    @Override
    public void outboundStarted(InboundCall call, CallerLeg leg, String agentId) {
        run(() -> distribution.outboundStarted(call, leg, agentId));
    }

    @Override
    public void callbackRequested(String callId, String number) {
        run(() -> distribution.callbackRequested(callId, number));
    }

    @Override
    public void addVariables(String callId, Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        run(() -> distribution.addVariables(callId, copy));
    }

    /** From a snapshot the decision thread takes again when it is older than a second. */
    @Override
    public Optional<QueuePlace> queuePlace(String callId) {
        QueuePlaces current = queuePlaces;
        if (current.olderThan(QUEUE_PLACES_MAX_AGE, clock.instant())) {
            current = askBriefly(() -> {
                // many callers may have asked at once: the first refresh serves them all
                if (queuePlaces.olderThan(QUEUE_PLACES_MAX_AGE, clock.instant())) {
                    queuePlaces = distribution.queuePlaces();
                }
                return queuePlaces;
            }).orElse(current);
        }
        return current.of(callId);
    }

    @Override
    public Optional<String> surveyFlow(String callId) {
        Optional<String> flow = distribution.surveyFlows.lookup(callId);
        if (flow.isEmpty()) {
            // the answer of the call may still wait on the decision thread behind the edge's reports
            flow = askBriefly(() -> distribution.surveyFlows.lookup(callId)).flatMap(found -> found);
        }
        return flow.filter(name -> !name.isEmpty());
    }

    // ---- AgentDesk: waits for the decision thread's answer

    @Override
    public AgentStatus login(String agentId, List<String> queues) {
        return ask(() -> distribution.login(agentId, queues));
    }

    @Override
    public AgentStatus logout(String agentId) {
        return ask(() -> distribution.logout(agentId));
    }

    @Override
    public AgentStatus pause(String agentId, String reason) {
        return ask(() -> distribution.pause(agentId, reason));
    }

    @Override
    public AgentStatus ready(String agentId) {
        return ask(() -> distribution.ready(agentId));
    }

    @Override
    public List<AgentStatus> agents() {
        return ask(distribution::agents);
    }

    @Override
    public Optional<AgentStatus> agent(String agentId) {
        return ask(() -> distribution.agent(agentId));
    }

    @Override
    public List<QueueStatus> queues() {
        return ask(distribution::queues);
    }

    @Override
    public Optional<QueueStatus> queue(String name) {
        return ask(() -> distribution.queue(name));
    }

    @Override
    public List<WaitingCallView> waitingCalls(String queue) {
        return ask(() -> distribution.waitingCalls(queue));
    }

    @Override
    public List<String> pauseReasons() {
        return ask(distribution::pauseReasons);
    }

    @Override
    public List<StrategyInfo> strategies() {
        List<QueueSettings> queues = ask(distribution::allQueueSettings);
        List<InstalledStrategy> installed = new ArrayList<>();
        strategies.values().forEach(list -> list.stream().findFirst().ifPresent(installed::add));
        if (!strategies.containsKey(LongestIdleFallback.INSTALLED.name())) {
            installed.add(LongestIdleFallback.INSTALLED);
        }
        return installed.stream().sorted(java.util.Comparator.comparing(InstalledStrategy::name))
                .map(s -> new StrategyInfo(s.name(), s.bundle(), s.version(), queues.stream()
                        .filter(q -> q.strategy().equals(s.name())).map(QueueSettings::name).toList()))
                .toList();
    }

    @Override
    public void setStrategy(String queue, String strategy) {
        try {
            ConfigValues.checkName("strategy", strategy);
        } catch (SettingsException e) {
            throw new AcdException(e.getMessage());
        }
        if (ask(() -> distribution.queueSettings(queue)).isEmpty()) {
            throw new AcdException("no queue named '" + queue + "'");
        }
        try {
            Configuration[] found = configurations.listConfigurations(
                    "(&(service.factoryPid=" + QueueSettings.PID + ")(name=" + queue + "))");
            if (found == null || found.length == 0) {
                throw new AcdException("queue " + queue + " has no configuration to change");
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            properties.put("strategy", strategy);
            found[0].updateIfDifferent(properties);
            LOG.info("queue {} set to use routing strategy {}", queue, strategy);
        } catch (IOException | InvalidSyntaxException e) {
            throw new AcdException("cannot change the configuration of queue " + queue + ": " + e.getMessage());
        }
    }

    // ---- PhoneCredentials

    @Override
    public Optional<String> digestHa1(String user, String realm) {
        return Optional.ofNullable(passwordByPhone.get(user)).map(password -> PhoneCredentials.ha1(user, realm,
                password));
    }

    // ---- PhoneRegistrationListener: a phone that registers may be offered a waiting call at once

    @Override
    public void registered(PhoneRegistration registration) {
        run(distribution::redistribute);
    }

    @Override
    public void unregistered(String user) {
        // nothing to do: a phone without a registration is simply not offered calls
    }

    // ---- AcdDefinitions: from configuration components

    @Override
    public void defineQueue(QueueSettings settings) throws SettingsException {
        try {
            ask(() -> {
                distribution.defineQueue(settings);
                publishLookups();
                return null;
            });
        } catch (AcdException e) {
            if (e.getCause() instanceof SettingsException settingsProblem) {
                throw settingsProblem;
            }
            throw e;
        }
    }

    @Override
    public void removeQueue(String name) {
        runAndPublish(() -> distribution.removeQueue(name));
    }

    @Override
    public void defineAgent(AgentSettings settings) {
        runAndPublish(() -> distribution.defineAgent(settings));
    }

    @Override
    public void removeAgent(String id, boolean endSession) {
        runAndPublish(() -> distribution.removeAgent(id, endSession));
    }

    // ---- plumbing

    private Optional<InstalledStrategy> installedStrategy(String name) {
        List<InstalledStrategy> providers = strategies.get(name);
        return providers == null || providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }

    private void runAndPublish(Runnable change) {
        run(() -> {
            change.run();
            publishLookups();
        });
    }

    private void publishLookups() {
        queueByNumber = Map.copyOf(distribution.queueNumbers());
        passwordByPhone = Map.copyOf(distribution.phonePasswords());
    }

    private void postEvent(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    private Optional<PhoneRegistration> locatePhone(String phone) {
        PhoneRegistry current = registry;
        return current == null ? Optional.empty() : current.find(phone);
    }

    private Timers.Timer schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = decisions.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private void run(Runnable task) {
        if (!decisions.isShutdown()) {
            decisions.execute(guarded(task));
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("distributor task failed; the distributor goes on", e);
            }
        };
    }

    /** The decision thread's answer, or empty when it does not come within {@link #SHORT_ANSWER}. */
    private <T> Optional<T> askBriefly(Callable<T> question) {
        try {
            return Optional.of(decisions.submit(question).get(SHORT_ANSWER.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("the distributor did not answer within {} ms", SHORT_ANSWER.toMillis(), e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private <T> T ask(Callable<T> question) {
        try {
            return decisions.submit(question).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AcdException acdProblem) {
                throw acdProblem;
            }
            AcdException wrapped = new AcdException(String.valueOf(e.getCause().getMessage()));
            wrapped.initCause(e.getCause());
            throw wrapped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcdException("interrupted while waiting for the distributor");
        } catch (TimeoutException e) {
            throw new AcdException("the distributor did not answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
        }
    }
}
