package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class DtmfDetectorTest {
    private static final int EVENT_TYPE = 101;

    private final DtmfDetector detector = new DtmfDetector();
    private final List<Character> keys = new ArrayList<>();

    @Test
    public void telephoneEventPayloadIsReadAsRfc4733LaysItOut() throws Exception {
        // event 11 (#), E bit, volume 10, duration 0x0320 = 800
        TelephoneEvent event = TelephoneEvent.parse(new byte[] { 11, (byte) 0x8A, 0x03, 0x20 });
        assertEquals(11, event.event());
        assertTrue(event.end());
        assertEquals(10, event.volume());
        assertEquals(800, event.duration());
        assertEquals(Character.valueOf('#'), event.key().orElseThrow());
        assertFalse(TelephoneEvent.parse(new byte[] { 16, 0, 0, 0 }).key().isPresent()); // 16 is flash, not a key
    }

    @Test
    public void aPressIsReportedOnceThroughItsUpdatesAndTheThreeEndPackets() throws Exception {
        long start = 8000;
        feed(packet(1, true, start, 5, false, 160)); // the key goes down: marker bit
        feed(packet(2, false, start, 5, false, 320));
        feed(packet(3, false, start, 5, false, 480));
        feed(packet(4, false, start, 5, true, 640)); // end, sent three times
        feed(packet(4, false, start, 5, true, 640));
        feed(packet(4, false, start, 5, true, 640));
        assertEquals(List.of('5'), keys);
    }

    @Test
    public void thePressIsReportedEvenWhenOnlyItsEndPacketsArrive() throws Exception {
        feed(packet(7, false, 16000, 9, true, 800));
        feed(packet(8, false, 16000, 9, true, 800));
        assertEquals(List.of('9'), keys);
    }

    @Test
    public void twoPressesOfTheSameKeyAreTwoKeys() throws Exception {
        feed(packet(1, true, 8000, 1, false, 160));
        feed(packet(2, false, 8000, 1, true, 320));
        feed(packet(3, false, 8000, 1, true, 320));
        feed(packet(4, true, 12000, 1, false, 160));
        feed(packet(5, false, 12000, 1, true, 320));
        assertEquals(List.of('1', '1'), keys);
    }

    @Test
    public void aLateEndPacketOfThePreviousPressIsNotANewPress() throws Exception {
        feed(packet(1, true, 8000, 4, false, 160));
        feed(packet(2, false, 8000, 4, true, 320));
        feed(packet(4, true, 12000, 2, false, 160));
        feed(packet(3, false, 8000, 4, true, 320)); // retransmission that arrives after the next press began
        feed(packet(5, false, 12000, 2, true, 320));
        assertEquals(List.of('4', '2'), keys);
    }

    @Test
    public void starHashAndLettersAreKeysToo() throws Exception {
        for (int event = 10; event <= 15; event++) {
            feed(packet(event, true, 1000L * event, event, true, 400));
        }
        assertEquals(List.of('*', '#', 'A', 'B', 'C', 'D'), keys);
    }

    private void feed(byte[] datagram) throws Exception {
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(datagram));
        assertEquals(EVENT_TYPE, packet.payloadType());
        detector.accept(packet, TelephoneEvent.parse(packet.payload())).ifPresent(keys::add);
    }

    /** The bytes of a telephone-event packet as a phone sends them: RTP header, then the 4-byte event. */
    private static byte[] packet(int sequence, boolean marker, long timestamp, int event, boolean end,
            int duration) {
        return new byte[] { (byte) 0x80, (byte) ((marker ? 0x80 : 0) | EVENT_TYPE), (byte) (sequence >> 8),
                (byte) sequence, (byte) (timestamp >> 24), (byte) (timestamp >> 16), (byte) (timestamp >> 8),
                (byte) timestamp, 0x11, 0x22, 0x33, 0x44, (byte) event, (byte) ((end ? 0x80 : 0) | 10),
                (byte) (duration >> 8), (byte) duration };
    }
}
