package org.switchboard.recording;

/** Where a recording is in its life. */
public enum RecordingState {
    /** Being written now (or the server died while it was; see {@link #INTERRUPTED}). */
    RECORDING,
    /** Written to the end of the call. */
    COMPLETE,
    /** Stopped early because of an error, for example a full disk; what was written is kept. */
    FAILED,
    /** The server stopped (or crashed) while it was being written; repaired and playable up to that point. */
    INTERRUPTED,
    /** Its audio was deleted (retention); the metadata stays. */
    DELETED;

    /** The name in lower case, as the shell and the database show it. */
    public String label() {
        return name().toLowerCase();
    }
}
