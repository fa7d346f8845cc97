package org.switchboard.sip.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import javax.sip.SipException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistrationListener;
import org.switchboard.api.sip.PhoneRegistry;

/**
 * The SIP edge: runs the JAIN-SIP stack on the configured address and wires the registrar and the
 * back-to-back user agent to it. The distributor and the credentials are dynamic, greedy references: when
 * either is replaced, the stack and its calls stay up.
 */
@Component(configurationPid = SipSettings.PID, service = PhoneRegistry.class, immediate = true)
@Designate(ocd = SipEdge.Config.class)
public class SipEdge implements PhoneRegistry, SipMessageRouter.SipEndpointHolder {
    private static final Logger LOG = LoggerFactory.getLogger(SipEdge.class);

    @ObjectClassDefinition(name = "Switchboard SIP edge", description = "Where phones and trunks reach the server")
    @interface Config {
        @AttributeDefinition(description = "Address to listen on, UDP and TCP")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port to listen on, UDP and TCP", min = "1", max = "65535")
        int port() default 5060;

        @AttributeDefinition(description = "Realm of the digest authentication phones answer")
        String realm() default "switchboard";

        @AttributeDefinition(description = "Longest registration granted to a phone, in seconds")
        int maxRegistrationSeconds() default 3600;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallDistributor distributor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PhoneCredentials credentials;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<PhoneRegistrationListener> registrationListeners;

    private final Clock clock = Clock.systemUTC();
    private final RegistrationTable registrations = new RegistrationTable(clock);
    private final ScheduledExecutorService timers = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "switchboard-sip-timers"));
    private volatile Running running;

    /** What exists while the stack runs. */
    private record Running(SipEndpoint endpoint, SipReplies replies, Registrar registrar, CallBridge bridge) {
    }

    @Activate
    void activate(Map<String, Object> properties) throws SipException {
        start(SipSettings.from(properties));
    }

    @Modified
    void modified(Map<String, Object> properties) {
        SipSettings next;
        try {
            next = SipSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: the SIP edge keeps listening on {}:{}", SipSettings.PID,
                    e.getMessage(), running.endpoint().settings().host(), running.endpoint().settings().port());
            return;
        }
        if (next.equals(running.endpoint().settings())) {
            return;
        }
        Running previous = running;
        int calls = previous.bridge().callsInProgress();
        if (calls > 0) {
            LOG.warn("SIP settings changed: restarting the SIP stack ends {} calls in progress", calls);
        }
        stop(previous);
        try {
            start(next);
        } catch (SipException | RuntimeException e) {
            LOG.error("SIP settings {} cannot be used ({}); going back to {}", next, e.getMessage(),
                    previous.endpoint().settings());
            try {
                start(previous.endpoint().settings());
            } catch (SipException restartFailure) {
                LOG.error("the SIP edge could not listen again", restartFailure);
            }
        }
    }

    @Deactivate
    void deactivate() {
        Running current = running;
        if (current != null) {
            stop(current);
        }
        timers.shutdownNow();
    }

    private void start(SipSettings settings) throws SipException {
        SipEndpoint endpoint = SipEndpoint.start(settings, new SipMessageRouter(this));
        SipReplies replies = new SipReplies(endpoint);
        Registrar registrar = new Registrar(endpoint, replies, new DigestAuthenticator(settings.realm(), clock),
                registrations, () -> credentials, this::announceRegistered, this::announceUnregistered, clock);
        CallBridge bridge = new CallBridge(endpoint, replies, () -> distributor, timers, clock);
        running = new Running(endpoint, replies, registrar, bridge);
        LOG.info("SIP edge listening on {}:{} (UDP, TCP), realm {}", settings.host(), settings.port(),
                settings.realm());
    }

    private void stop(Running current) {
        current.bridge().releaseAll();
        current.endpoint().stop();
        running = null;
        LOG.info("SIP edge stopped listening on {}:{}", current.endpoint().settings().host(),
                current.endpoint().settings().port());
    }

    private void announceRegistered(PhoneRegistration registration) {
        announce(listener -> listener.registered(registration));
    }

    private void announceUnregistered(String user) {
        announce(listener -> listener.unregistered(user));
    }

    private void announce(Consumer<PhoneRegistrationListener> event) {
        for (PhoneRegistrationListener listener : listeners()) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("registration listener {} failed", listener, e);
            }
        }
    }

    private List<PhoneRegistrationListener> listeners() {
        List<PhoneRegistrationListener> current = registrationListeners;
        return current == null ? List.of() : current;
    }

    // ---- PhoneRegistry

    @Override
    public Optional<PhoneRegistration> find(String user) {
        return registrations.find(user);
    }

    @Override
    public List<PhoneRegistration> all() {
        return registrations.all();
    }

    // ---- what the message router reaches; messages that arrive while the stack restarts are dropped by it

    @Override
    public Registrar registrar() {
        return running().registrar();
    }

    @Override
    public CallBridge bridge() {
        return running().bridge();
    }

    @Override
    public SipReplies replies() {
        return running().replies();
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("the SIP stack is starting or stopping");
        }
        return current;
    }
}
