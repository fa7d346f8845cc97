package org.switchboard.recording;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the audio of one recording goes: 8 kHz 16-bit stereo PCM, caller left, agent right. {@link #write} and
 * {@link #checkpoint} are called on the recorder's mixing thread (every 20 ms, and about once a second), in order;
 * {@link #finish} once at the end, on another thread. An {@link IOException} stops the recording (state
 * {@link RecordingState#FAILED}); the call goes on.
 */
@ConsumerType
public interface RecordingSink {

    /**
     * Appends stereo frames.
     *
     * @param samples interleaved samples, left then right; the array is reused by the caller after the call
     * @param length  how many samples of {@code samples} to write (an even number)
     */
    void write(short[] samples, int length) throws IOException;

    /**
     * Makes everything written so far playable if the server dies now (for a WAV file: sizes in its header
     * updated, data handed to the operating system).
     */
    void checkpoint() throws IOException;

    /**
     * The call's agent answered a recording that started before (in the call flow): its queue, agent and customer
     * are known now. Called on the recorder's event thread, at most once, before {@link #finish}. A sink that
     * does not keep them (one older than 1.1) keeps the empty ones it started with.
     *
     * @since 1.1
     */
    default void answered(String queue, String agentId, String customer) throws RecordingException {
    }

    /**
     * Ends the recording: the audio is complete and its metadata final.
     *
     * @param state   {@link RecordingState#COMPLETE}, or {@link RecordingState#FAILED} or
     *                {@link RecordingState#INTERRUPTED} when it stopped before the call ended
     * @param problem why it stopped early, or {@code null}
     * @param pauses  the intervals paused (silence in the audio)
     * @return the recording's final metadata
     */
    Recording finish(RecordingState state, String problem, List<PausedInterval> pauses)
            throws IOException, RecordingException;
}
