package org.switchboard.api.media;

/** A leg could not be opened or changed; {@link #sipStatus()} is the SIP response that tells the peer why. */
public class MediaException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int sipStatus;

    public MediaException(int sipStatus, String message) {
        super(message);
        this.sipStatus = sipStatus;
    }

    /** 488 when the session description is not acceptable, 503 when the server has no capacity left. */
    public int sipStatus() {
        return sipStatus;
    }
}
