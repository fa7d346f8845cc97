package org.switchboard.acd.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistrationListener;
import org.switchboard.api.sip.PhoneRegistry;

/**
 * The distributor service. Every request is handed to one decision thread that owns the
 * {@link CallDistribution}; callers from SIP threads never wait, the shell waits for its answer.
 */
@Component(service = { CallDistributor.class, AgentDesk.class, PhoneCredentials.class,
        PhoneRegistrationListener.class, AcdDefinitions.class }, immediate = true)
public class Distributor
        implements CallDistributor, AgentDesk, PhoneCredentials, PhoneRegistrationListener, AcdDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(Distributor.class);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService decisions;
    private final CallDistribution distribution;
    private volatile PhoneRegistry registry;
    private volatile Map<String, String> queueByNumber = Map.of();
    private volatile Map<String, String> passwordByPhone = Map.of();

    @Activate
    public Distributor(@Reference CallDetailRecordStore records, @Reference AgentStateJournal journal) {
        decisions = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "switchboard-acd-decisions"));
        distribution = new CallDistribution(Clock.systemUTC(), records, journal, this::locatePhone, this::schedule);
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

    @Deactivate
    void deactivate() {
        decisions.shutdownNow();
        int open = callsInProgress();
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
    public void removeAgent(String id) {
        runAndPublish(() -> distribution.removeAgent(id));
    }

    // ---- plumbing

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

    private int callsInProgress() {
        return distribution.callsInProgress();
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
