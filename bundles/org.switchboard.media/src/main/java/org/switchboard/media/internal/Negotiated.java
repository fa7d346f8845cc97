package org.switchboard.media.internal;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What a leg and its remote party agreed: the codec the leg sends, the payload types it receives, telephone
 * events, where the remote party receives and which way media flows.
 *
 * @param codec                    the codec the leg sends (and usually receives)
 * @param payloadType              the payload type the leg sends it with
 * @param receivedCodecs           codecs the leg accepts, by payload type (an answer may keep several)
 * @param telephoneEventType       the payload type of RFC 4733 telephone events, or -1 when not agreed
 * @param remote                   where the SDP says to send, or null when it gives no address (0.0.0.0)
 * @param remoteDirection          the direction the remote party wrote (what it sends and receives)
 */
record Negotiated(Codec codec, int payloadType, Map<Integer, Codec> receivedCodecs, int telephoneEventType,
        InetSocketAddress remote, Direction remoteDirection) {

    Negotiated {
        receivedCodecs = Map.copyOf(receivedCodecs);
    }

    boolean hasTelephoneEvents() {
        return telephoneEventType >= 0;
    }

    /** Whether the server may send to the remote party. */
    boolean mayStream() {
        return remote != null && remoteDirection.receives();
    }

    /** Whether the remote party put the leg on hold: it no longer receives. */
    boolean remoteHolds() {
        return !remoteDirection.receives();
    }
}
