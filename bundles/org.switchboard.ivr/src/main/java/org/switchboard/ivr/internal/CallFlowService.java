package org.switchboard.ivr.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.switchboard.api.call.CallEvents;
import org.switchboard.api.ivr.CallFlowFiles;
import org.switchboard.api.ivr.CallFlows;
import org.switchboard.api.ivr.IvrCall;

/**
 * The call flows of the folder {@code flowDirectory}, read again when a file changes, and the flows they run.
 * One scheduled executor serves the polling and the steps and timers of every call; each call's steps run one
 * at a time. A change of configuration with a bad value is logged with its key and reason, and the previous
 * settings stay.
 */
@Component(configurationPid = IvrSettings.PID, service = { CallFlows.class, CallFlowFiles.class }, immediate = true)
@Designate(ocd = CallFlowService.Config.class)
public class CallFlowService implements CallFlows, CallFlowFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CallFlowService.class);

    @ObjectClassDefinition(name = "Switchboard call flows (IVR)",
            description = "Where the call flows are read from, one YAML file per flow")
    @interface Config {
        @AttributeDefinition(description = "Folder of the flow files (NAME.yaml); empty: ${karaf.etc}/ivr")
        String flowDirectory() default "";

        @AttributeDefinition(description = "Seconds between two looks at the folder for changed files",
                min = "1", max = "3600")
        int pollSeconds() default IvrSettings.DEFAULT_POLL_SECONDS;
    }

    private final ScheduledThreadPoolExecutor executor;
    private final FlowTimers timers;
    private final FlowReader reader = new FlowReader();
    private final Clock clock = Clock.systemUTC();
    private volatile FlowLibrary library;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;
    private IvrSettings settings;
    private ScheduledFuture<?> polling;

    public CallFlowService() {
        AtomicInteger threads = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "switchboard-ivr-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        timers = new ScheduledFlowTimers(executor);
    }

    @Activate
    void activate(Map<String, Object> properties) {
        IvrSettings initial;
        try {
            initial = IvrSettings.from(properties, System::getProperty);
        } catch (IllegalArgumentException e) {
            initial = IvrSettings.from(Map.of(), System::getProperty);
            LOG.error("configuration {} rejected, {}: call flows use the defaults ({})", IvrSettings.PID,
                    e.getMessage(), initial);
        }
        apply(initial);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        IvrSettings next;
        try {
            next = IvrSettings.from(properties, System::getProperty);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: call flows keep their previous settings ({})", IvrSettings.PID,
                    e.getMessage(), currentSettings());
            return;
        }
        apply(next);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private synchronized IvrSettings currentSettings() {
        return settings;
    }

    private synchronized void apply(IvrSettings next) {
        if (next.equals(settings)) {
            return;
        }
        if (settings == null || !next.flowDirectory().equals(settings.flowDirectory())) {
            FlowLibrary fresh = new FlowLibrary(next.flowDirectory(), reader);
            LOG.info("call flows are read from {}", next.flowDirectory());
            refresh(fresh);
            library = fresh;
        }
        if (polling != null) {
            polling.cancel(false);
        }
        FlowLibrary polled = library;
        long millis = next.poll().toMillis();
        polling = executor.scheduleWithFixedDelay(() -> refresh(polled), millis, millis, TimeUnit.MILLISECONDS);
        settings = next;
    }

    /** One look at the folder; a failure must not end the polling (a periodic task that throws never runs again). */
    private static void refresh(FlowLibrary polled) {
        try {
            polled.refresh();
        } catch (RuntimeException e) {
            LOG.error("reading the call flows of {} failed", polled.directory(), e);
        }
    }

    @Override
    public Optional<String> flowForNumber(String dnis) {
        return library.current().flowForNumber(dnis);
    }

    /** Tells whoever follows calls (recording from the flow's start) that a flow answered a call. */
    private void announceAnswered(IvrCall call, String flowName) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(CallEvents.FLOW_ANSWERED, Map.of(CallEvents.CALL_ID, call.callId(),
                    CallEvents.ANI, call.ani(), CallEvents.DNIS, call.dnis(), CallEvents.FLOW, flowName,
                    CallEvents.ANSWERED_AT, clock.millis())));
        }
    }

    @Override
    public void run(String flowName, IvrCall call) {
        Flow flow = library.current().flow(flowName)
                .orElseThrow(() -> new IllegalArgumentException("no call flow named '" + flowName + "'"));
        LOG.debug("call {}: flow {} starts", call.callId(), flowName);
        new FlowRun(flow, call, timers, clock, () -> announceAnswered(call, flowName)).start();
    }

    @Override
    public Set<String> flowNames() {
        return library.current().flows().keySet();
    }

    @Override
    public List<String> loadProblems() {
        return library.current().problems();
    }

    @Override
    public String directory() {
        return library.directory().toString();
    }

    @Override
    public List<LoadedFlow> flows() {
        FlowLibrary current = library;
        return current.current().flows().values().stream()
                .map(flow -> new LoadedFlow(flow.name(), flow.numbers(),
                        current.directory().resolve(flow.file()).toString()))
                .sorted(Comparator.comparing(LoadedFlow::name)).toList();
    }

    @Override
    public List<String> check(String file) {
        FlowLibrary current = library;
        Path path = current.directory().resolve(file);
        return current.check(path);
    }
}
