package org.switchboard.sip.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the server sends calls to outside numbers (blind transfers to a number), from {@code outboundTrunk} in the
 * SIP cfg: {@code host:port} of the carrier's or PBX's SIP trunk, or empty for none. Changing it applies to the
 * next call; it never restarts the SIP stack.
 *
 * @param hostAndPort the trunk, e.g. {@code 192.0.2.10:5060}
 * @param ringSeconds how long an outside number may ring
 */
record OutboundTrunk(String hostAndPort, int ringSeconds) {
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):\\d{1,5}");
    /** What may be dialled: digits, '*', '#', a leading '+'. */
    static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");

    /** The configured trunk, if one is; the message of the exception names the key and the reason. */
    static Optional<OutboundTrunk> from(Map<String, ?> properties) {
        String trunk = SipSettings.string(properties, "outboundTrunk", "");
        int ring = SipSettings.number(properties, "outboundRingSeconds", 30, 5, 300);
        if (trunk.isEmpty()) {
            return Optional.empty();
        }
        if (!HOST_AND_PORT.matcher(trunk).matches()) {
            throw new IllegalArgumentException("outboundTrunk: '" + trunk + "' is not host:port");
        }
        int port = Integer.parseInt(trunk.substring(trunk.lastIndexOf(':') + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("outboundTrunk: port " + port + " is outside 1..65535");
        }
        return Optional.of(new OutboundTrunk(trunk, ring));
    }
}
