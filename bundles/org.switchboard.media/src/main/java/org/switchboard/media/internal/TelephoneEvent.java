package org.switchboard.media.internal;

import java.util.Optional;

/**
 * The payload of an RFC 4733 telephone-event packet (section 2.3).
 *
 * @param event    the event code; 0-9, 10 = *, 11 = #, 12-15 = A-D
 * @param end      the E bit: the event has ended (the end packet is usually sent three times)
 * @param volume   0..63, in -dBm0
 * @param duration in timestamp units since the event began
 */
record TelephoneEvent(int event, boolean end, int volume, int duration) {

    private static final String KEYS = "0123456789*#ABCD";

    static final int LENGTH = 4;

    /** Reads the first event of the payload (a packet may carry more, redundantly; the first is the current). */
    static TelephoneEvent parse(byte[] payload) throws RtpPacket.MalformedPacketException {
        if (payload.length < LENGTH) {
            throw new RtpPacket.MalformedPacketException(
                    "telephone-event payload of " + payload.length + " bytes, less than 4");
        }
        return new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }

    byte[] toBytes() {
        return new byte[] { (byte) event, (byte) ((end ? 0x80 : 0) | (volume & 0x3F)), (byte) (duration >> 8),
                (byte) duration };
    }

    /** The DTMF key of the event, if it is one (events 0-15). */
    Optional<Character> key() {
        return event < KEYS.length() ? Optional.of(KEYS.charAt(event)) : Optional.empty();
    }
}
