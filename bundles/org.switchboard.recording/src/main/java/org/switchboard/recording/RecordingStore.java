package org.switchboard.recording;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps recordings: their audio and their metadata. The recorder uses the store with the highest ranking when a
 * recording starts; that recording stays with its store to the end.
 * <p>
 * Threads: {@link #create} is called on the Event Admin thread as a call is answered and must return within
 * milliseconds (no network round trip longer than that: buffer). The {@link RecordingSink} it returns is written
 * from the recorder's one mixing thread, which serves every call: its methods must not block for long. The
 * queries and {@link #delete} are called from the shell, the web console and the daily retention job. Every method
 * may throw {@link RecordingException}; the recorder then logs it and the call goes on without recording.
 */
@ConsumerType
public interface RecordingStore {

    /**
     * Starts a recording: its metadata is kept in state {@link RecordingState#RECORDING} and a sink is ready for
     * its audio.
     */
    RecordingSink create(NewRecording recording) throws RecordingException;

    /** The recordings that match, newest first. */
    List<Recording> find(RecordingQuery query) throws RecordingException;

    /** One recording by its id. */
    Optional<Recording> find(long id) throws RecordingException;

    /**
     * Deletes a recording's audio and marks its metadata {@link RecordingState#DELETED} (the row stays, for the
     * record of what was kept and when it went).
     *
     * @return the recording as it is now, or empty when there is no such recording
     */
    Optional<Recording> delete(long id) throws RecordingException;

    /**
     * The space left for new audio, in bytes; {@link Long#MAX_VALUE} when the store has no limit that it knows of.
     * Called about once a second per recording in progress: it must be cheap.
     */
    long usableBytes();
}
