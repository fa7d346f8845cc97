package org.switchboard.media.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The offer/answer rules of RFC 3264 for the server's one audio stream: in an offer, the first RTP/AVP audio
 * section that is not disabled; of its formats, the first the server speaks (PCMU, PCMA) and telephone-event/8000
 * when it covers the DTMF events 0-15.
 */
final class SdpNegotiation {
    static final String TELEPHONE_EVENT = "telephone-event/8000";

    private SdpNegotiation() {
    }

    /** The index of the audio section the server takes, in an offer or an answer. */
    static int audioSection(SessionDescription description) throws SdpException {
        for (int i = 0; i < description.media().size(); i++) {
            if (description.media().get(i).isRtpAudio()) {
                return i;
            }
        }
        throw new SdpException("SDP has no RTP/AVP audio stream (m=audio with a port other than 0)");
    }

    /**
     * What the server agrees to for a remote offer (the first codec of the offer it speaks). In an answer to the
     * server's own offer, the same rule picks the codec the remote party prefers among those the server offered.
     */
    static Negotiated negotiate(SessionDescription description) throws SdpException {
        MediaDescription audio = description.media().get(audioSection(description));
        Map<Integer, Codec> codecs = new LinkedHashMap<>();
        int telephoneEvents = -1;
        for (String format : audio.formats()) {
            int payloadType = Integer.parseInt(format);
            String rtpmap = audio.rtpmaps().get(payloadType);
            Optional<Codec> codec = rtpmap != null ? Codec.byRtpmap(rtpmap) : Codec.byStaticPayloadType(payloadType);
            if (codec.isPresent()) {
                codecs.putIfAbsent(payloadType, codec.get());
            } else if (telephoneEvents < 0 && rtpmap != null && rtpmap.equalsIgnoreCase(TELEPHONE_EVENT)
                    && coversDtmf(audio.fmtps().get(payloadType))) {
                telephoneEvents = payloadType;
            }
        }
        if (codecs.isEmpty()) {
            throw new SdpException("no codec in common: the SDP offers payload types " + audio.formats() + " "
                    + audio.rtpmaps().values() + ", the server speaks PCMU/8000 and PCMA/8000");
        }
        Map.Entry<Integer, Codec> chosen = codecs.entrySet().iterator().next();
        Direction direction = description.directionOf(audio);
        String connection = description.connectionOf(audio);
        if (connection == null) {
            throw new SdpException("SDP has no connection (c=) line for its audio stream");
        }
        InetAddress address = IpLiteral.parse(connection);
        InetSocketAddress remote = null;
        if (address == null || address.isAnyLocalAddress()) {
            direction = direction.withoutReceiving(); // RFC 2543 hold: c=0.0.0.0
        } else {
            remote = new InetSocketAddress(address, audio.port());
        }
        return new Negotiated(chosen.getValue(), chosen.getKey(), codecs, telephoneEvents, remote, direction);
    }

    /** Whether a telephone-event fmtp ("0-15", "0-16", "0-11,12-15"; absent means 0-15) has all DTMF keys. */
    static boolean coversDtmf(String fmtp) {
        if (fmtp == null || fmtp.isBlank()) {
            return true;
        }
        boolean[] covered = new boolean[16];
        for (String range : fmtp.split(",")) {
            String[] ends = range.trim().split("-");
            try {
                int low = Integer.parseInt(ends[0].trim());
                int high = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : low;
                for (int event = Math.max(0, low); event <= Math.min(15, high); event++) {
                    covered[event] = true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        for (boolean key : covered) {
            if (!key) {
                return false;
            }
        }
        return true;
    }
}
