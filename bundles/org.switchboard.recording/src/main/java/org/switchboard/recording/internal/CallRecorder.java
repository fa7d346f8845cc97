package org.switchboard.recording.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.call.CallEvents;
import org.switchboard.api.call.CallVariables;
import org.switchboard.api.media.MediaServer;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.Recorder;
import org.switchboard.recording.RecordingException;
import org.switchboard.recording.RecordingSink;
import org.switchboard.recording.RecordingStore;

/**
 * Records the calls the queues' policies select, from the agent's answer to the end of the call (or the calls the
 * call flows' policies select, from the flow's answer), configured by
 * {@code etc/org.switchboard.recording.cfg}. A changed configuration applies to the calls answered after it; an
 * invalid one is logged with its key and reason and the previous settings stay. The store with the highest
 * ranking takes the recordings started while it is there.
 */
@Component(service = { Recorder.class, EventHandler.class }, configurationPid = RecordingSettings.PID,
        immediate = true, property = { EventConstants.EVENT_TOPIC + "=" + CallEvents.ANSWERED,
            EventConstants.EVENT_TOPIC + "=" + CallEvents.ENDED,
            EventConstants.EVENT_TOPIC + "=" + CallEvents.FLOW_ANSWERED })
@Designate(ocd = CallRecorder.Config.class)
public class CallRecorder implements Recorder, EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);
    /** The events come late by a few milliseconds; an older answer or end is not believed beyond this. */
    private static final long MAX_EVENT_DELAY_MILLIS = 2000;

    @ObjectClassDefinition(name = "Switchboard call recording",
            description = "Which calls are recorded and how long recordings are kept. Per queue: policy.QUEUE = "
                    + "all | none | percent:N, retentionDays.QUEUE = days (0 keeps them for ever). Per call flow: "
                    + "flowPolicy.FLOW = all | none | percent:N records its calls from the flow's answer")
    @interface Config {
        @AttributeDefinition(description = "Folder of the WAV files (default: recordings in the data folder)")
        String directory() default "";

        @AttributeDefinition(name = "policy.default",
                description = "Policy of the queues without policy.QUEUE: all, none or percent:N")
        String policy_default() default "all";

        @AttributeDefinition(name = "retentionDays.default",
                description = "Days the recordings of queues without retentionDays.QUEUE are kept; 0 for ever",
                min = "0")
        int retentionDays_default() default 0;

        @AttributeDefinition(description = "No recording starts, and those in progress stop, when less space than "
                + "this is left for recordings (MB)", min = "0")
        int minFreeMegabytes() default (int) RecordingSettings.DEFAULT_MIN_FREE_MEGABYTES;
    }

    private final Clock clock = Clock.systemUTC();
    private final MediaServer media;
    private final ScheduledExecutorService mixerThread = Executors.newSingleThreadScheduledExecutor(
            threads("switchboard-recording-mixer"));
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(
            threads("switchboard-recording-finish"));
    private final ScheduledExecutorService retentionThread = Executors.newSingleThreadScheduledExecutor(
            threads("switchboard-recording-retention"));
    private final RecordingMixer mixer;
    private volatile RecordingSettings settings;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile RecordingStore store;

    @Activate
    public CallRecorder(@Reference(name = "media") MediaServer media, Map<String, Object> properties) {
        this.media = media;
        RecordingSettings initial;
        try {
            initial = RecordingSettings.from(properties);
        } catch (IllegalArgumentException e) {
            initial = RecordingSettings.defaults();
            LOG.error("configuration {}: {}; recording uses the default settings ({}) until this is corrected",
                    RecordingSettings.PID, e.getMessage(), initial);
        }
        settings = initial;
        mixer = new RecordingMixer(media::legsOf, finisher, initial.minFreeBytes());
        LOG.info("call recording: {}", initial);
        mixerThread.scheduleAtFixedRate(this::tick, CallRecording.FRAME_NANOS, CallRecording.FRAME_NANOS,
                TimeUnit.NANOSECONDS);
        retentionThread.scheduleAtFixedRate(new RetentionJob(() -> settings, () -> store, clock), 1, 24 * 60,
                TimeUnit.MINUTES);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        RecordingSettings next;
        try {
            next = RecordingSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} rejected, {}: recording keeps its previous settings ({})",
                    RecordingSettings.PID, e.getMessage(), settings);
            return;
        }
        if (!next.equals(settings)) {
            settings = next;
            mixer.minFreeBytes(next.minFreeBytes());
            LOG.info("call recording: {}; calls answered from now on follow these settings", next);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        retentionThread.shutdownNow();
        mixerThread.shutdown();
        mixerThread.awaitTermination(5, TimeUnit.SECONDS);
        mixer.stopAll("the recorder stopped before the call ended");
        finisher.shutdown();
        if (!finisher.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("recordings still being finished after 30 s; those left are repaired at the next start");
        }
    }

    private void tick() {
        try {
            mixer.tick(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.error("recording mixer: {}; going on", e.toString(), e);
        }
    }

    @Override
    public void handleEvent(Event event) {
        String callId = (String) event.getProperty(CallEvents.CALL_ID);
        if (callId == null) {
            return;
        }
        if (CallEvents.ANSWERED.equals(event.getTopic())) {
            answered(callId, event);
        } else if (CallEvents.FLOW_ANSWERED.equals(event.getTopic())) {
            flowAnswered(callId, event);
        } else if (CallEvents.ENDED.equals(event.getTopic())) {
            ended(callId, event);
        }
    }

    /**
     * A record ended. When its agent transferred the caller on, the conversation goes on and so does its file;
     * otherwise the recording of the record, or of the record it was transferred from, ends.
     */
    private void ended(String callId, Event event) {
        Map<?, ?> variables = variablesOf(event);
        Optional<CallRecording> recording = mixer.recordingOf(callId)
                .or(() -> text(variables, CallVariables.TRANSFER_FROM).flatMap(mixer::recordingOf));
        if (recording.isEmpty()) {
            return;
        }
        if (text(variables, CallVariables.TRANSFER_TO).isPresent()) {
            LOG.debug("call {} transferred to {}: its recording goes on", callId,
                    variables.get(CallVariables.TRANSFER_TO));
            return;
        }
        recording.get().end(nanosAt(event.getProperty(CallEvents.ENDED_AT)));
    }

    /** A call flow answered a call: recorded from now on when the flow's policy says so. */
    private void flowAnswered(String callId, Event event) {
        String flow = (String) event.getProperty(CallEvents.FLOW);
        Optional<RecordingPolicy> policy = settings.flowPolicyOf(flow);
        if (mixer.recordingOf(callId).isPresent() || policy.isEmpty()) {
            return;
        }
        if (!policy.get().records(ThreadLocalRandom.current()::nextDouble)) {
            LOG.debug("call {} of call flow {} not recorded from the flow: policy {}", callId, flow, policy.get());
            return;
        }
        start(callId, callId, "", "", event, "call flow " + flow);
    }

    private void answered(String callId, Event event) {
        Optional<CallRecording> present = mixer.recordingOf(callId);
        if (present.isPresent()) {
            if (present.get().info().agentId().isEmpty()) {
                describe(present.get(), event);
            }
            return; // answered again after a transfer: the same file goes on
        }
        Map<?, ?> variables = variablesOf(event);
        Optional<CallRecording> transferred = text(variables, CallVariables.TRANSFER_FROM)
                .flatMap(mixer::recordingOf);
        if (transferred.isPresent()) {
            mixer.alias(callId, transferred.get());
            LOG.info("call {} (transferred from {}) goes on in recording of call {}", callId,
                    variables.get(CallVariables.TRANSFER_FROM), transferred.get().info().callId());
            return;
        }
        String queue = (String) event.getProperty(CallEvents.QUEUE);
        RecordingPolicy policy = settings.policyOf(queue);
        if (!policy.records(ThreadLocalRandom.current()::nextDouble)) {
            LOG.debug("call {} of queue {} not recorded: policy {}", callId, queue, policy);
            return;
        }
        start(callId, text(variables, CallVariables.TRANSFER_ORIGIN).orElse(callId), queue,
                (String) event.getProperty(CallEvents.AGENT_ID), event, "queue " + queue);
    }

    /** The agent answered a call recorded since its call flow answered it: the recording learns queue and agent. */
    private void describe(CallRecording recording, Event event) {
        String queue = (String) event.getProperty(CallEvents.QUEUE);
        String agentId = (String) event.getProperty(CallEvents.AGENT_ID);
        String customer = customerOf(event);
        recording.answered(queue, agentId, customer);
        try {
            recording.sink().answered(queue, agentId, customer);
        } catch (RecordingException e) {
            LOG.warn("recording of call {}: queue and agent not stored: {}", recording.info().callId(),
                    e.getMessage());
        }
    }

    /**
     * Starts recording a call answered (by its agent or its call flow) at the event's {@link CallEvents#ANSWERED_AT}.
     *
     * @param mediaCallId the id the call's media legs were opened with
     * @param why         what chose to record it, for the log
     */
    private void start(String callId, String mediaCallId, String queue, String agentId, Event event, String why) {
        RecordingSettings current = settings;
        RecordingStore target = store;
        if (target == null) {
            LOG.error("call {} of {} not recorded: no recording store", callId, why);
            return;
        }
        long free = target.usableBytes();
        if (free < current.minFreeBytes()) {
            LOG.error("call {} of {} not recorded: disk full, {} MB free for recordings and minFreeMegabytes is {}",
                    callId, why, free / 1024 / 1024, current.minFreeBytes() / 1024 / 1024);
            return;
        }
        Object answeredAt = event.getProperty(CallEvents.ANSWERED_AT);
        NewRecording recording = new NewRecording(callId, queue, agentId, customerOf(event),
                answeredAt instanceof Long millis ? Instant.ofEpochMilli(millis) : clock.instant());
        RecordingSink sink;
        try {
            sink = target.create(recording);
        } catch (RecordingException e) {
            LOG.error("call {} of {} not recorded: {}", callId, why, e.getMessage());
            return;
        }
        if (!mixer.add(new CallRecording(recording, mediaCallId, target, sink, nanosAt(answeredAt)))) {
            LOG.warn("call {} answered twice at once; recorded once", callId);
        }
    }

    private static Map<?, ?> variablesOf(Event event) {
        return event.getProperty(CallEvents.VARIABLES) instanceof Map<?, ?> variables ? variables : Map.of();
    }

    private static Optional<String> text(Map<?, ?> variables, String name) {
        return variables.get(name) instanceof String value && !value.isBlank() ? Optional.of(value)
                : Optional.empty();
    }

    /** The caller's number, or the CRM's customer id when the caller is known. */
    private static String customerOf(Event event) {
        return text(variablesOf(event), CallVariables.CUSTOMER_ID)
                .orElseGet(() -> Objects.toString(event.getProperty(CallEvents.ANI), ""));
    }

    /** The {@link System#nanoTime()} of an event's epoch-millisecond time, trusted up to a few seconds back. */
    private long nanosAt(Object epochMillis) {
        long now = System.nanoTime();
        if (!(epochMillis instanceof Long millis)) {
            return now;
        }
        long ago = Math.max(0, Math.min(MAX_EVENT_DELAY_MILLIS, clock.millis() - millis));
        return now - TimeUnit.MILLISECONDS.toNanos(ago);
    }

    @Override
    public List<InProgress> inProgress() {
        return mixer.inProgress().stream().map(recording -> new InProgress(recording.info().callId(),
                recording.info().queue(), recording.info().agentId(), recording.recordedMillis(),
                recording.paused())).toList();
    }

    @Override
    public boolean pause(String callId, String by) {
        Optional<CallRecording> recording = mixer.recordingOf(callId);
        boolean paused = recording.isPresent() && recording.get().pause(by);
        if (paused) {
            LOG.info("recording of call {} paused by {}", callId, by);
        }
        return paused;
    }

    @Override
    public boolean resume(String callId, String by) {
        Optional<CallRecording> recording = mixer.recordingOf(callId);
        boolean resumed = recording.isPresent() && recording.get().resume();
        if (resumed) {
            LOG.info("recording of call {} resumed by {}", callId, by);
        }
        return resumed;
    }

    private static ThreadFactory threads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
