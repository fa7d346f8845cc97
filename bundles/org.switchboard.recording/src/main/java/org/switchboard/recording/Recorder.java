package org.switchboard.recording;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records calls according to each queue's policy, and lets an agent or a supervisor pause the recording of a call
 * (while the caller gives a card number, for example): paused audio is replaced by silence and the interval is
 * kept in the recording's metadata. Methods return at once.
 */
@ProviderType
public interface Recorder {

    /** A recording in progress. */
    record InProgress(String callId, String queue, String agentId, long recordedMillis, boolean paused) {
    }

    /** The recordings in progress now. */
    List<InProgress> inProgress();

    /**
     * Pauses the recording of a call.
     *
     * @param by who pauses it ("agent 1001", "supervisor karaf"), kept with the interval
     * @return false when the call is not being recorded or is already paused
     */
    boolean pause(String callId, String by);

    /** Resumes a paused recording; false when the call is not being recorded or not paused. */
    boolean resume(String callId, String by);
}
