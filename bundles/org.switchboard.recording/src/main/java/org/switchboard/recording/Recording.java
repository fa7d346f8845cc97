package org.switchboard.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The metadata of one recording.
 *
 * @param id        the store's id of the recording
 * @param callId    the server's id of the call
 * @param queue     the queue that took the call
 * @param agentId   the agent who answered
 * @param customer  the CRM's customer id, or the caller's number
 * @param startedAt when the recording started
 * @param duration  how much audio it holds (zero while recording)
 * @param location  where the audio is (for the default store, the WAV file's path)
 * @param sizeBytes the size of the audio file, header included (zero while recording)
 * @param sha256    the SHA-256 of the whole file in lower-case hex, or empty while recording and once deleted
 * @param state     where it is in its life
 * @param problem   why it failed or was interrupted, or empty
 * @param pauses    the intervals paused, in order
 * @param deletedAt when its audio was deleted, or {@code null}
 */
public record Recording(long id, String callId, String queue, String agentId, String customer, Instant startedAt,
        Duration duration, String location, long sizeBytes, String sha256, RecordingState state, String problem,
        List<PausedInterval> pauses, Instant deletedAt) {

    public Recording {
        pauses = List.copyOf(pauses);
        problem = problem == null ? "" : problem;
        sha256 = sha256 == null ? "" : sha256;
    }
}
