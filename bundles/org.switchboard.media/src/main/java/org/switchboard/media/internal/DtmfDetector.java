package org.switchboard.media.internal;

import java.util.Optional;

/**
 * Turns the telephone-event packets of one received stream into key presses, each reported once, at the first
 * packet of its event that arrives (so that the IVR reacts while the key is still held).
 * <p>
 * RFC 4733 (section 2.5.1) identifies an event by its RTP timestamp, which stays the same in every packet of the
 * event: its updates while the key is held, and the end packet that is usually sent three times. A new timestamp
 * (or a new sender) is a new press, even of the same key. The last few events are remembered, so that a late
 * end packet of the previous press, arriving after the next one began, is not taken for a press of its own.
 * Not thread-safe: the receive loop owns it.
 */
final class DtmfDetector {
    private static final int REMEMBERED_EVENTS = 4;

    private final long[] ssrcs = new long[REMEMBERED_EVENTS];
    private final long[] timestamps = new long[REMEMBERED_EVENTS];
    private int remembered;
    private int next;

    /** The key pressed, when this packet begins a new event; empty for the rest of an event already reported. */
    Optional<Character> accept(RtpPacket packet, TelephoneEvent event) {
        for (int i = 0; i < remembered; i++) {
            if (ssrcs[i] == packet.ssrc() && timestamps[i] == packet.timestamp()) {
                return Optional.empty();
            }
        }
        ssrcs[next] = packet.ssrc();
        timestamps[next] = packet.timestamp();
        next = (next + 1) % REMEMBERED_EVENTS;
        remembered = Math.min(remembered + 1, REMEMBERED_EVENTS);
        return event.key();
    }
}
