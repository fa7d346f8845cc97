package org.switchboard.recording.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>
 * A recording is found by the id of the call record it started with, and by the ids of the records that carried
 * the same conversation on after a blind transfer ({@link #alias}). A recording whose legs have all closed without
 * an end being reported (a call transferred to an outside number ends with no record left to end) ends where
 * its legs closed, after {@link #LEGS_GONE_GRACE_NANOS}.
 */
final class RecordingMixer {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMixer.class);
    /** 100 ms: how soon the leg of a transfer target is heard. */
    static final int LEG_LOOKUP_TICKS = 5;
    /** How long a recording without legs waits for its call's end to be reported before ending by itself. */
    static final long LEGS_GONE_GRACE_NANOS = 2_000_000_000L;

    private final Function<String, List<MediaLeg>> legsOfCall;
    private final Executor finisher;
    /** The recordings in progress by the ids of their records (several for a transferred call). */
    private final Map<String, CallRecording> active = new ConcurrentHashMap<>();
    private final Set<CallRecording> recordings = ConcurrentHashMap.newKeySet();
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
        // before the mixer's thread can see it (the set publishes it): the legs are the mixer's from then on
        recording.attach(legsOfCall.apply(recording.mediaCallId()));
        if (active.putIfAbsent(callId, recording) != null) {
            recording.detach();
            return false;
        }
        recordings.add(recording);
        return true;
    }

    /** The call record {@code callId} carries on the conversation {@code recording} records (a blind transfer). */
    void alias(String callId, CallRecording recording) {
        if (recordings.contains(recording)) {
            active.putIfAbsent(callId, recording);
        }
    }

    Optional<CallRecording> recordingOf(String callId) {
        return Optional.ofNullable(active.get(callId));
    }

    List<CallRecording> inProgress() {
        return new ArrayList<>(recordings);
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
        for (CallRecording recording : recordings) {
            try {
                if (lookUpLegs) {
                    attach(recording, nowNanos);
                }
                // while its legs are gone, nothing is written past where they went: that may be its end
                long legsGone = recording.legsGoneSince();
                boolean checkpointed = recording.advanceTo(legsGone < 0 ? nowNanos : Math.min(nowNanos, legsGone));
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

    private void attach(CallRecording recording, long nowNanos) {
        recording.attach(legsOfCall.apply(recording.mediaCallId()));
        if (recording.hasLegs()) {
            recording.legsGoneSince(-1);
        } else if (recording.legsGoneSince() < 0) {
            recording.legsGoneSince(nowNanos);
        } else if (nowNanos - recording.legsGoneSince() >= LEGS_GONE_GRACE_NANOS) {
            LOG.debug("call {}: every leg closed and no end was reported; the recording ends where they closed",
                    recording.info().callId());
            recording.end(recording.legsGoneSince());
        }
    }

    /** Stops every recording, kept up to now as interrupted (the recorder is stopping). */
    void stopAll(String reason) {
        for (CallRecording recording : recordings) {
            stop(recording, RecordingState.INTERRUPTED, reason);
        }
    }

    private void stop(CallRecording recording, RecordingState state, String problem) {
        if (!recordings.remove(recording)) {
            return;
        }
        active.values().removeIf(recording::equals);
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
