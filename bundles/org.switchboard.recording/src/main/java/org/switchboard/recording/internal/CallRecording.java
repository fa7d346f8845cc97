package org.switchboard.recording.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.switchboard.api.media.AudioTap;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.RecordingSink;
import org.switchboard.recording.RecordingStore;

/**
 * One recording in progress. The mixer writes a stereo frame for every 20 ms of wall time since the start: the
 * caller's side on the left, the sum of the other legs (the agent, or whoever the call was transferred to) on the
 * right, and silence for what did not arrive, so that both channels advance together whatever each side sends.
 * A supervisor's leg is left out while the caller does not hear it (listen-in, whisper: coaching is not part of the
 * conversation with the customer); while the caller hears it (barge) it is on the right with the agent.
 * Paused, it writes silence and notes the interval. Everything but {@link #pause}, {@link #resume} and
 * {@link #end} runs in the mixer's thread.
 */
final class CallRecording {
    static final long FRAME_NANOS = 20_000_000L;
    static final int FRAMES_PER_SECOND = 50;
    /** The legs of the caller's side: the caller, or the customer a callback reached. */
    private static final String CALLER = "caller";
    private static final String CALLBACK_PREFIX = "callback:";
    /** A supervisor's phone: part of the conversation of record only while the caller hears it. */
    private static final String SUPERVISOR_PREFIX = "supervisor:";

    private record TappedLeg(SideQueue queue, AudioTap.Registration registration, boolean callerSide) {
    }

    /** What is known of the recording; completed once when it started in a call flow and an agent answers. */
    private volatile NewRecording info;
    private final String mediaCallId;
    private final RecordingStore store;
    private final RecordingSink sink;
    private final long startNanos;
    private final AtomicLong dropped = new AtomicLong();
    private final Map<MediaLeg, TappedLeg> legs = new HashMap<>();
    private final int[] left = new int[SideQueue.FRAME];
    private final int[] right = new int[SideQueue.FRAME];
    private final short[] stereo = new short[2 * SideQueue.FRAME];
    private final List<PausedInterval> pauses = new ArrayList<>();

    private volatile String pausedBy;
    private volatile long endNanos = Long.MAX_VALUE;
    private volatile long framesWritten;
    /** When the mixer found the call without legs, -1 while it has some; the mixer's thread only. */
    private long legsGoneSinceNanos = -1;
    private long pausedFromFrame = -1;
    private String currentPauseBy;

    /**
     * @param mediaCallId the id the call's media legs were opened with (the first record's of a transferred call)
     */
    CallRecording(NewRecording info, String mediaCallId, RecordingStore store, RecordingSink sink, long startNanos) {
        this.info = info;
        this.mediaCallId = mediaCallId;
        this.store = store;
        this.sink = sink;
        this.startNanos = startNanos;
    }

    NewRecording info() {
        return info;
    }

    /** The agent answered a recording that started in the call flow. */
    void answered(String queue, String agentId, String customer) {
        NewRecording started = info;
        info = new NewRecording(started.callId(), queue, agentId, customer, started.startedAt());
    }

    String mediaCallId() {
        return mediaCallId;
    }

    RecordingStore store() {
        return store;
    }

    RecordingSink sink() {
        return sink;
    }

    long recordedMillis() {
        return framesWritten * 20;
    }

    long droppedFrames() {
        return dropped.get();
    }

    boolean paused() {
        return pausedBy != null;
    }

    /** @return false when it is already paused */
    synchronized boolean pause(String by) {
        if (pausedBy != null) {
            return false;
        }
        pausedBy = by == null ? "" : by;
        return true;
    }

    /** @return false when it is not paused */
    synchronized boolean resume() {
        if (pausedBy == null) {
            return false;
        }
        pausedBy = null;
        return true;
    }

    /** The call ended at {@code atNanos}: the mixer writes up to then and finishes. */
    void end(long atNanos) {
        endNanos = Math.max(startNanos, atNanos);
    }

    boolean endReached() {
        return framesWritten >= framesAt(endNanos);
    }

    /**
     * Taps the legs of the call that are new (a supervisor's once the caller hears it), forgets those that closed
     * (or a supervisor's the caller no longer hears).
     */
    void attach(List<MediaLeg> open) {
        Set<MediaLeg> heardByTheCaller = new HashSet<>();
        for (MediaLeg leg : open) {
            if (isCallerSide(leg.name())) {
                heardByTheCaller.addAll(leg.mixSources());
            }
        }
        Set<MediaLeg> gone = new HashSet<>(legs.keySet());
        for (MediaLeg leg : open) {
            if (leg.name().startsWith(SUPERVISOR_PREFIX) && !heardByTheCaller.contains(leg)) {
                continue;
            }
            if (!gone.remove(leg)) {
                SideQueue queue = new SideQueue(dropped);
                legs.put(leg, new TappedLeg(queue, leg.tapReceived(queue), isCallerSide(leg.name())));
            }
        }
        for (MediaLeg leg : gone) {
            legs.remove(leg).registration().remove();
        }
    }

    long legsGoneSince() {
        return legsGoneSinceNanos;
    }

    void legsGoneSince(long nanos) {
        legsGoneSinceNanos = nanos;
    }

    /** Whether some leg of the call is tapped (after the last {@link #attach}). */
    boolean hasLegs() {
        return !legs.isEmpty();
    }

    /** Removes the taps; the recording takes no more audio. */
    void detach() {
        for (TappedLeg tapped : legs.values()) {
            tapped.registration().remove();
        }
        legs.clear();
    }

    /**
     * Writes the frames due by {@code nowNanos} (never past the end).
     *
     * @return whether a checkpoint was made (about once a second)
     */
    boolean advanceTo(long nowNanos) throws IOException {
        long due = framesAt(Math.min(nowNanos, endNanos));
        boolean checkpointed = false;
        while (framesWritten < due) {
            writeFrame();
            if (framesWritten % FRAMES_PER_SECOND == 0) {
                sink.checkpoint();
                checkpointed = true;
            }
        }
        return checkpointed;
    }

    /** The intervals paused, the one still open closed at the last frame written. */
    List<PausedInterval> pauses() {
        List<PausedInterval> all = new ArrayList<>(pauses);
        if (pausedFromFrame >= 0) {
            all.add(new PausedInterval(pausedFromFrame * 20, framesWritten * 20, currentPauseBy));
        }
        return all;
    }

    private long framesAt(long nanos) {
        return nanos <= startNanos ? 0 : (nanos - startNanos) / FRAME_NANOS;
    }

    private void writeFrame() throws IOException {
        String by = pausedBy;
        boolean paused = by != null;
        if (paused && pausedFromFrame < 0) {
            pausedFromFrame = framesWritten;
            currentPauseBy = by;
        } else if (!paused && pausedFromFrame >= 0) {
            pauses.add(new PausedInterval(pausedFromFrame * 20, framesWritten * 20, currentPauseBy));
            pausedFromFrame = -1;
        }
        Arrays.fill(left, 0);
        Arrays.fill(right, 0);
        for (TappedLeg tapped : legs.values()) {
            tapped.queue().takeFrame(paused ? null : tapped.callerSide() ? left : right);
        }
        for (int i = 0; i < SideQueue.FRAME; i++) {
            stereo[2 * i] = clip(left[i]);
            stereo[2 * i + 1] = clip(right[i]);
        }
        sink.write(stereo, stereo.length);
        framesWritten++;
    }

    private static boolean isCallerSide(String legName) {
        return CALLER.equals(legName) || legName.startsWith(CALLBACK_PREFIX);
    }

    private static short clip(int sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
}
