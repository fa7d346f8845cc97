package org.switchboard.recording.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingState;

/**
 * Advances every recording in progress at each tick (every 20 ms, from one thread for all of them), looks for new
 * or closed legs of their calls every {@link #LEG_LOOKUP_TICKS} ticks, stops a recording when its store runs out
 * of space or fails, and hands the ones that end to the finisher (header, hash, metadata), off the ticking thread.
 * A recording that fails never touches its call.
 */
final class RecordingMixer {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMixer.class);
    /** 100 ms: how soon the leg of a transfer target is heard. */
    static final int LEG_LOOKUP_TICKS = 5;

    private final Function<String, List<MediaLeg>> legsOfCall;
    private final Executor finisher;
    private final Map<String, CallRecording> active = new ConcurrentHashMap<>();
    private volatile long minFreeBytes;
    private long ticks;

    RecordingMixer(Function<String, List<MediaLeg>> legsOfCall, Executor finisher, long minFreeBytes) {
        this.legsOfCall = legsOfCall;
        this.finisher = finisher;
        this.minFreeBytes = minFreeBytes;
    }

    void minFreeBytes(long bytes) {
        minFreeBytes = bytes;
    }

    /**
     * Taps the legs of the recording's call and starts writing it at the next tick.
     *
     * @return false when the call is already being recorded
     */
    boolean add(CallRecording recording) {
        String callId = recording.info().callId();
        if (active.containsKey(callId)) {
            return false;
        }
        // before the mixer's thread can see it (the map publishes it): the legs are the mixer's from then on
        recording.attach(legsOfCall.apply(callId));
        if (active.putIfAbsent(callId, recording) != null) {
            recording.detach();
            return false;
        }
        return true;
    }

    Optional<CallRecording> recordingOf(String callId) {
        return Optional.ofNullable(active.get(callId));
    }

    List<CallRecording> inProgress() {
        return new ArrayList<>(active.values());
    }

    /** The call ended at {@code atNanos}; its recording is finished once written up to then. */
    void end(String callId, long atNanos) {
        CallRecording recording = active.get(callId);
        if (recording != null) {
            recording.end(atNanos);
        }
    }

    /** One tick: every recording written up to {@code nowNanos}. In the mixer's thread only. */
    void tick(long nowNanos) {
        boolean lookUpLegs = ticks++ % LEG_LOOKUP_TICKS == 0;
        for (CallRecording recording : active.values()) {
            try {
                if (lookUpLegs) {
                    recording.attach(legsOfCall.apply(recording.info().callId()));
                }
                boolean checkpointed = recording.advanceTo(nowNanos);
                if (recording.endReached()) {
                    stop(recording, RecordingState.COMPLETE, null);
                } else if (checkpointed) {
                    long free = recording.store().usableBytes();
                    if (free < minFreeBytes) {
                        stop(recording, RecordingState.FAILED, "disk full: " + free / 1024 / 1024
                                + " MB free, minFreeMegabytes is " + minFreeBytes / 1024 / 1024);
                    }
                }
            } catch (Exception e) {
                stop(recording, RecordingState.FAILED, "writing failed: " + e);
            }
        }
    }

    /** Stops every recording, kept up to now as interrupted (the recorder is stopping). */
    void stopAll(String reason) {
        for (CallRecording recording : active.values()) {
            stop(recording, RecordingState.INTERRUPTED, reason);
        }
    }

    private void stop(CallRecording recording, RecordingState state, String problem) {
        if (!active.remove(recording.info().callId(), recording)) {
            return;
        }
        recording.detach();
        List<PausedInterval> pauses = recording.pauses();
        if (state == RecordingState.FAILED) {
            LOG.error("recording of call {} stopped after {} s: {}; the call goes on without recording",
                    recording.info().callId(), recording.recordedMillis() / 1000, problem);
        }
        finisher.execute(() -> finish(recording, state, problem, pauses));
    }

    private static void finish(CallRecording recording, RecordingState state, String problem,
            List<PausedInterval> pauses) {
        String callId = recording.info().callId();
        try {
            Recording done = recording.sink().finish(state, problem, pauses);
            LOG.info("recording {} of call {} {}: {} s, {} bytes, {} pause(s){}, {}", done.id(), callId,
                    done.state().label(), done.duration().toMillis() / 1000.0, done.sizeBytes(), pauses.size(),
                    recording.droppedFrames() == 0 ? ""
                            : ", " + recording.droppedFrames() + " frames dropped (late or overflowing)",
                    done.location());
        } catch (Exception e) {
            LOG.error("recording of call {} could not be finished: {}", callId, e.toString(), e);
        }
    }
}
