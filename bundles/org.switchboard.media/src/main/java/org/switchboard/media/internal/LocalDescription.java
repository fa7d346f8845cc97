package org.switchboard.media.internal;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Writes the SDP of one leg: its offer, or its answers to the remote offers. The origin's session id is fixed
 * for the leg; its version starts at 1 and goes up by one with every description written after the first
 * (RFC 3264, section 8). Not thread-safe: the leg writes under its own lock.
 */
final class LocalDescription {
    static final int OFFERED_TELEPHONE_EVENT_TYPE = 101;
    private static final String CRLF = "\r\n";

    private final String address;
    private final String addressType;
    private final int port;
    private final long sessionId;
    private long version;

    LocalDescription(InetAddress address, int port, long sessionId) {
        this.address = address.getHostAddress();
        this.addressType = address instanceof Inet6Address ? "IP6" : "IP4";
        this.port = port;
        this.sessionId = sessionId;
    }

    /** The server's offer: PCMU, PCMA and telephone events, sendrecv. */
    String offer() {
        StringBuilder sdp = header();
        sdp.append("m=audio ").append(port).append(" RTP/AVP 0 8 ").append(OFFERED_TELEPHONE_EVENT_TYPE).append(CRLF);
        sdp.append("a=rtpmap:0 PCMU/8000").append(CRLF);
        sdp.append("a=rtpmap:8 PCMA/8000").append(CRLF);
        appendTelephoneEvents(sdp, OFFERED_TELEPHONE_EVENT_TYPE);
        sdp.append("a=ptime:20").append(CRLF);
        sdp.append("a=sendrecv").append(CRLF);
        return sdp.toString();
    }

    /**
     * The answer to {@code offer}: its audio section with the agreed codec (and telephone events), every other
     * section refused with port 0, in the offer's order.
     */
    String answer(SessionDescription offer, int audioSection, Negotiated agreed) {
        StringBuilder sdp = header();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription section = offer.media().get(i);
            if (i != audioSection) {
                sdp.append("m=").append(section.type()).append(" 0 ").append(section.protocol()).append(' ')
                        .append(section.formats().get(0)).append(CRLF);
                continue;
            }
            sdp.append("m=audio ").append(port).append(" RTP/AVP ").append(agreed.payloadType());
            if (agreed.hasTelephoneEvents()) {
                sdp.append(' ').append(agreed.telephoneEventType());
            }
            sdp.append(CRLF);
            sdp.append("a=rtpmap:").append(agreed.payloadType()).append(' ').append(agreed.codec().name())
                    .append('/').append(Codec.CLOCK_RATE).append(CRLF);
            if (agreed.hasTelephoneEvents()) {
                appendTelephoneEvents(sdp, agreed.telephoneEventType());
            }
            sdp.append("a=ptime:20").append(CRLF);
            sdp.append("a=").append(agreed.remoteDirection().answered().attribute()).append(CRLF);
        }
        return sdp.toString();
    }

    private StringBuilder header() {
        version++;
        StringBuilder sdp = new StringBuilder(300);
        sdp.append("v=0").append(CRLF);
        sdp.append("o=switchboard ").append(sessionId).append(' ').append(version).append(" IN ").append(addressType)
                .append(' ').append(address).append(CRLF);
        sdp.append("s=switchboard").append(CRLF);
        sdp.append("c=IN ").append(addressType).append(' ').append(address).append(CRLF);
        sdp.append("t=0 0").append(CRLF);
        return sdp;
    }

    private static void appendTelephoneEvents(StringBuilder sdp, int payloadType) {
        sdp.append("a=rtpmap:").append(payloadType).append(' ').append(SdpNegotiation.TELEPHONE_EVENT).append(CRLF);
        sdp.append("a=fmtp:").append(payloadType).append(" 0-15").append(CRLF);
    }
}
