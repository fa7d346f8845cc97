package org.switchboard.media.internal;

import org.switchboard.api.media.MediaException;

/** A session description that cannot be used; always answered with SIP 488 Not Acceptable Here. */
final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    static final int NOT_ACCEPTABLE_HERE = 488;

    SdpException(String message) {
        super(message);
    }

    MediaException toMediaException() {
        return new MediaException(NOT_ACCEPTABLE_HERE, getMessage());
    }
}
