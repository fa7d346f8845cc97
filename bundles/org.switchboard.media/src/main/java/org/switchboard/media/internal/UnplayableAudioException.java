package org.switchboard.media.internal;

/** An audio file the server cannot play; the message names the file and says why. */
final class UnplayableAudioException extends Exception {
    private static final long serialVersionUID = 1L;

    UnplayableAudioException(String message) {
        super(message);
    }
}
