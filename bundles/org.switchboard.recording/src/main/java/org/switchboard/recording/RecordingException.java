package org.switchboard.recording;

/** A store could not do what it was asked; the message says what and why. */
public class RecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
