package org.switchboard.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.ivr.CallFlows;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistrationListener;
import org.switchboard.api.sip.PhoneRegistry;
import org.switchboard.api.sip.SipStatistics;
import org.switchboard.api.sip.SourceGuard;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;
import org.switchboard.api.sip.SourceLockout;

/**
 * The SIP edge: runs the JAIN-SIP stack on the configured address and wires the registrar and the
 * back-to-back user agent to it. The distributor and the credentials are dynamic, greedy references: when
 * either is replaced, the stack and its calls stay up.
 * <p>
 * It also protects the server: trunk source addresses, per-source rates, lockout after failed
 * authentications, and the admission of new calls. Those settings apply while the stack runs (a change never
 * restarts it), and their state (lockouts, calls in progress) outlives a restart of the stack. The lockouts
 * are offered to operators as the {@link SourceGuard} service.
 */
@Component(configurationPid = SipSettings.PID, service = { PhoneRegistry.class, SourceGuard.class,
    CallControl.class, SipStatistics.class }, immediate = true)
@Designate(ocd = SipEdge.Config.class)
public class SipEdge implements PhoneRegistry, SourceGuard, CallControl, SipStatistics,
        SipMessageRouter.SipEndpointHolder {
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

        @AttributeDefinition(description = "Seconds a TCP or TLS connection may stay silent after it is accepted "
                + "before it is closed; 0 for no limit", min = "0", max = "3600")
        int tcpFirstByteSeconds() default 10;

        @AttributeDefinition(description = "Port of SIP over TLS; 0 for no TLS", min = "0", max = "65535")
        int tlsPort() default 0;

        @AttributeDefinition(description = "PKCS#12 key store with the server's key and certificate, relative to "
                + "etc/")
        String tlsKeyStore() default "switchboard-sip.p12";

        @AttributeDefinition(description = "Password of the key store", type = AttributeType.PASSWORD)
        String tlsKeyStorePassword();

        @AttributeDefinition(description = "host:port of the SIP trunk that calls to outside numbers (transfers) "
                + "go through; empty for none")
        String outboundTrunk() default "";

        @AttributeDefinition(description = "Seconds an outside number may ring", min = "5", max = "300")
        int outboundRingSeconds() default 30;

        @AttributeDefinition(description = "Addresses and CIDR blocks (IPv4, IPv6), comma-separated, that may "
                + "start calls (INVITE); others get 403")
        String trunkSources() default ProtectionSettings.DEFAULT_TRUNK_SOURCES;

        @AttributeDefinition(description = "Challenge INVITEs from outside trunkSources for digest credentials "
                + "(407) instead of refusing them (403)")
        boolean authenticateOtherInvites() default false;

        @AttributeDefinition(description = "Calls in progress at most; new INVITEs beyond get 503 with "
                + "Retry-After", min = "1", max = "100000")
        int maxConcurrentCalls() default 200;

        @AttributeDefinition(description = "New calls a second at most (burst of the same size); INVITEs beyond "
                + "get 503 with Retry-After", min = "1", max = "10000")
        int maxCallsPerSecond() default 50;

        @AttributeDefinition(description = "Retry-After of the 503 answers, in seconds", min = "1", max = "3600")
        int retryAfterSeconds() default 5;

        @AttributeDefinition(description = "REGISTERs a second from one address (burst of the same size); beyond: "
                + "503, and no answer at twice the rate", min = "1", max = "10000")
        int registersPerSecondPerSource() default 20;

        @AttributeDefinition(description = "New INVITEs a second from one address (burst of the same size); "
                + "beyond: 503, and no answer at twice the rate", min = "1", max = "10000")
        int invitesPerSecondPerSource() default 20;

        @AttributeDefinition(description = "Failed authentications within lockoutMinutes that lock the source "
                + "address out", min = "1", max = "100")
        int lockoutFailures() default 5;

        @AttributeDefinition(description = "How long failed authentications count, and how long a lockout "
                + "lasts, in minutes", min = "1", max = "1440")
        int lockoutMinutes() default 10;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CallDistributor distributor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PhoneCredentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MediaServer media;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CallFlows flows;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AgentDesk desk;

    private volatile Optional<OutboundTrunk> outboundTrunk = Optional.empty();
    private final SipCounters counters = new SipCounters();
    private final CallControl callControl = new DeskCallControl(
            () -> Optional.ofNullable(this.running).map(Running::bridge), () -> this.outboundTrunk,
            queue -> Optional.ofNullable(this.desk).flatMap(d -> d.queue(queue)).isPresent(),
            agent -> Optional.ofNullable(this.desk).flatMap(d -> d.agent(agent)),
            extension -> this.registrations.find(extension).map(PhoneRegistration::contact));

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<PhoneRegistrationListener> registrationListeners;

    private final Clock clock = Clock.systemUTC();
    private final RegistrationTable registrations = new RegistrationTable(clock);
    private final ScheduledExecutorService timers = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "switchboard-sip-timers"));
    private final LogThrottle logThrottle = new LogThrottle(LogThrottle.INTERVAL, System::nanoTime);
    private volatile ProtectionSettings protection = ProtectionSettings.DEFAULTS;
    private final LockoutTracker lockouts = new LockoutTracker(protection.lockoutFailures(),
            Duration.ofMinutes(protection.lockoutMinutes()), AccessPolicy.MAX_TRACKED_SOURCES, clock);
    private final AccessPolicy policy = new AccessPolicy(protection, lockouts, System::nanoTime);
    private final CallAdmission admission = new CallAdmission(protection.maxConcurrentCalls(),
            protection.maxCallsPerSecond(), System::nanoTime);
    private volatile Running running;
    /** Extra JAIN-SIP stack properties; empty in the server (unit tests set a stack logger). */
    final Properties stackOverrides = new Properties();

    /** What exists while the stack runs. */
    private record Running(SipEndpoint endpoint, SipReplies replies, Registrar registrar, CallBridge bridge,
            SourceGate gate) {
    }

    @Activate
    void activate(Map<String, Object> properties) throws SipException {
        SipSettings settings = SipSettings.from(properties);
        try {
            protect(ProtectionSettings.from(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {}: {}; the SIP edge protects itself with the default settings until this is "
                    + "corrected", SipSettings.PID, e.getMessage());
        }
        useTrunk(properties);
        start(settings);
    }

    /** The outbound trunk applies to the next transfer; a wrong value keeps the previous one. */
    private void useTrunk(Map<String, Object> properties) {
        try {
            outboundTrunk = OutboundTrunk.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {}: {}; transfers to numbers keep using {}", SipSettings.PID, e.getMessage(),
                    outboundTrunk.map(OutboundTrunk::hostAndPort).orElse("no trunk"));
        }
    }

    @Override
    public SipCounters counters() {
        return counters;
    }

    @Override
    public Map<String, Long> requestsReceived() {
        return counters.requestsReceived();
    }

    @Override
    public Map<Integer, Long> responsesSent() {
        return counters.responsesSent();
    }

    @Override
    public long silentConnectionsClosed() {
        return counters.silentConnectionsClosed();
    }

    @Override
    public long partiesHungUpForNoMedia() {
        return counters.partiesHungUpForNoMedia();
    }

    @Override
    public void hangUp(String callId) throws CallControlException {
        callControl.hangUp(callId);
    }

    @Override
    public void hold(String callId) throws CallControlException {
        callControl.hold(callId);
    }

    @Override
    public void resume(String callId) throws CallControlException {
        callControl.resume(callId);
    }

    @Override
    public void transfer(String callId, String target) throws CallControlException {
        callControl.transfer(callId, target);
    }

    @Override
    public String dial(String agentId, String number) throws CallControlException {
        return callControl.dial(agentId, number);
    }

    @Override
    public void supervise(String callId, String extension, SupervisionMode mode) throws CallControlException {
        callControl.supervise(callId, extension, mode);
    }

    @Override
    public void endSupervision(String callId, String extension) throws CallControlException {
        callControl.endSupervision(callId, extension);
    }

    @Override
    public List<Supervision> supervisions() {
        return callControl.supervisions();
    }

    @Modified
    void modified(Map<String, Object> properties) {
        SipSettings next;
        ProtectionSettings nextProtection;
        try {
            next = SipSettings.from(properties);
            nextProtection = ProtectionSettings.from(properties);
        } catch (IllegalArgumentException e) {
            Running current = running;
            LOG.error("configuration {} rejected, {}: the SIP edge keeps its previous settings{}", SipSettings.PID,
                    e.getMessage(), current == null ? ""
                            : " and listens on " + current.endpoint().settings().host() + ":"
                                    + current.endpoint().settings().port());
            return;
        }
        protect(nextProtection);
        useTrunk(properties);
        Running previous = running;
        if (previous == null) {
            try {
                start(next);
            } catch (SipException | RuntimeException e) {
                LOG.error("SIP settings {} cannot be used ({}); the SIP edge is not listening", next, e.getMessage());
            }
            return;
        }
        if (next.equals(previous.endpoint().settings())) {
            return;
        }
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

    /** Applies protection settings at once, to the running stack too. */
    private void protect(ProtectionSettings next) {
        ProtectionSettings previous = protection;
        lockouts.configure(next.lockoutFailures(), Duration.ofMinutes(next.lockoutMinutes()));
        admission.configure(next.maxConcurrentCalls(), next.maxCallsPerSecond());
        policy.configure(next);
        protection = next;
        if (!next.equals(previous) || running == null) {
            LOG.info("SIP protection: trunkSources {}; at most {} calls, {} new calls/s (503, Retry-After {} s); "
                    + "per source {} REGISTER/s, {} INVITE/s; lockout after {} failed authentications within {} min",
                    next.trunkSources(), next.maxConcurrentCalls(), next.maxCallsPerSecond(),
                    next.retryAfterSeconds(), next.registersPerSecondPerSource(), next.invitesPerSecondPerSource(),
                    next.lockoutFailures(), next.lockoutMinutes());
        }
    }

    /** The protection settings in force. */
    ProtectionSettings protection() {
        return protection;
    }

    private int retryAfterSeconds() {
        return protection.retryAfterSeconds();
    }

    private void start(SipSettings settings) throws SipException {
        SipEndpoint endpoint = SipEndpoint.start(settings, new SipMessageRouter(this, logThrottle), stackOverrides,
                counters.silentConnections());
        SipReplies replies = new SipReplies(endpoint, counters);
        DigestAuthenticator authenticator = new DigestAuthenticator(settings.realm(), clock);
        Registrar registrar = new Registrar(endpoint, replies, authenticator,
                registrations, () -> credentials, this::announceRegistered, this::announceUnregistered, lockouts,
                this::retryAfterSeconds, clock);
        CallBridge bridge = new CallBridge(endpoint, replies, () -> distributor, () -> media, () -> flows,
                () -> outboundTrunk, timers, admission, this::retryAfterSeconds, logThrottle, clock);
        SourceGate gate = new SourceGate(policy, replies, this::retryAfterSeconds, logThrottle,
                new InviteAuthenticator(authenticator, () -> credentials, lockouts, endpoint, replies),
                () -> protection.authenticateOtherInvites());
        running = new Running(endpoint, replies, registrar, bridge, gate);
        LOG.info("SIP edge listening on {}:{} (UDP, TCP{}), realm {}", settings.host(), settings.port(),
                settings.tls().map(tls -> "; TLS on " + tls.port()).orElse(""),
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

    @Override
    public SourceGate gate() {
        return running().gate();
    }

    /** The running stack's endpoint (for tests). */
    SipEndpoint endpoint() {
        return running().endpoint();
    }

    // ---- SourceGuard

    @Override
    public List<SourceLockout> lockouts() {
        return lockouts.lockouts();
    }

    @Override
    public boolean clear(String source) {
        String key = AddressBlock.literal(source).map(AccessPolicy::key).orElse(source.trim());
        boolean wasLockedOut = lockouts.clear(key);
        if (wasLockedOut) {
            LOG.warn("lockout of source {} lifted by an operator", key);
        }
        return wasLockedOut;
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("the SIP stack is starting or stopping");
        }
        return current;
    }
}
