package org.switchboard.media.internal;

import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section of a session description.
 *
 * @param type       "audio", "video", ...
 * @param port       the transport port; 0 when the stream is rejected or disabled
 * @param protocol   "RTP/AVP", ...
 * @param formats    the format list, in the order of preference of the writer
 * @param connection the address of its {@code c=} line, or null when it has none (the session's then applies)
 * @param direction  its direction attribute, or null when it has none (the session's then applies)
 * @param rtpmaps    {@code a=rtpmap} values by payload type ("PCMU/8000")
 * @param fmtps      {@code a=fmtp} parameters by payload type ("0-15")
 * @param ptime      {@code a=ptime} in milliseconds, 0 when absent
 */
record MediaDescription(String type, int port, String protocol, List<String> formats, String connection,
        Direction direction, Map<Integer, String> rtpmaps, Map<Integer, String> fmtps, int ptime) {

    MediaDescription {
        formats = List.copyOf(formats);
        rtpmaps = Map.copyOf(rtpmaps);
        fmtps = Map.copyOf(fmtps);
    }

    boolean isRtpAudio() {
        return type.equals("audio") && protocol.equalsIgnoreCase("RTP/AVP") && port != 0;
    }
}
