package org.switchboard.media.internal;

import java.util.Locale;
import java.util.Optional;

/** Which way media flows, from the point of view of whoever wrote the SDP (RFC 3264, section 5.1). */
enum Direction {
    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    boolean sends() {
        return sends;
    }

    boolean receives() {
        return receives;
    }

    /** The direction the answerer writes for an offer in this direction (section 6.1). */
    Direction answered() {
        return of(receives, sends);
    }

    /** This direction without receiving (a peer whose connection address is 0.0.0.0 cannot be sent to). */
    Direction withoutReceiving() {
        return of(sends, false);
    }

    /** The {@code a=} attribute name. */
    String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    static Optional<Direction> ofAttribute(String attribute) {
        for (Direction direction : values()) {
            if (direction.attribute().equals(attribute)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
