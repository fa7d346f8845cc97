package org.switchboard.api.call;

/** How a call ended. */
public enum Disposition {
    /** An agent answered; the call ended normally with a hang-up from either side. */
    ANSWERED,
    /** The caller hung up before an agent answered. */
    ABANDONED,
    /** No agent took the call within the queue's maximum wait. */
    NO_AGENT,
    /** The server could not complete the call (signalling or internal error). */
    FAILED,
    /** The server stopped (crashed or was killed) while the call was in progress; closed at the next start. */
    INTERRUPTED;

    /** The lower-case name shown to operators and stored in the database. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Disposition fromLabel(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
