package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;

import org.junit.Test;

public class RtpPacketTest {

    @Test
    public void writtenPacketHasTheRfc3550HeaderLayout() {
        RtpPacket packet = new RtpPacket(true, 8, 0xBEEF, 0xCAFEBABEL, 0x12345678L, new byte[] { 1, 2, 3 });
        assertArrayEquals(new byte[] { (byte) 0x80, (byte) 0x88, (byte) 0xBE, (byte) 0xEF, (byte) 0xCA, (byte) 0xFE,
                (byte) 0xBA, (byte) 0xBE, 0x12, 0x34, 0x56, 0x78, 1, 2, 3 }, packet.toBytes());
    }

    @Test
    public void parsedPacketIsTheOneWritten() throws Exception {
        RtpPacket written = new RtpPacket(false, 0, 65535, 0xFFFFFFFFL, 0xFFFFFFFEL, new byte[160]);
        RtpPacket parsed = RtpPacket.parse(ByteBuffer.wrap(written.toBytes()));
        assertFalse(parsed.marker());
        assertEquals(0, parsed.payloadType());
        assertEquals(65535, parsed.sequenceNumber());
        assertEquals(0xFFFFFFFFL, parsed.timestamp());
        assertEquals(0xFFFFFFFEL, parsed.ssrc());
        assertEquals(160, parsed.payload().length);
    }

    @Test
    public void csrcsHeaderExtensionAndPaddingAreSkipped() throws Exception {
        byte[] datagram = {
                (byte) 0xB2, 0x00, 0x00, 0x01, 0, 0, 0, 1, 0, 0, 0, 9, // V=2 P=1 X=1 CC=2
                0, 0, 0, 1, 0, 0, 0, 2, // two CSRCs
                (byte) 0xBE, (byte) 0xDE, 0x00, 0x01, 1, 2, 3, 4, // one word of extension
                10, 20, 30, // payload
                0, 0, 3 }; // three bytes of padding
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(datagram));
        assertArrayEquals(new byte[] { 10, 20, 30 }, packet.payload());
        assertEquals(9, packet.ssrc());
    }

    @Test
    public void parsingStartsAtTheBuffersPosition() throws Exception {
        byte[] bytes = new RtpPacket(false, 8, 7, 8, 9, new byte[] { 5 }).toBytes();
        ByteBuffer buffer = ByteBuffer.allocate(100);
        buffer.put(new byte[] { 99, 99 }).put(bytes).flip().position(2);
        assertEquals(7, RtpPacket.parse(buffer).sequenceNumber());
    }

    @Test
    public void whatIsNotRtpIsRefusedWithTheReason() {
        assertMalformed(new byte[11], "shorter than an RTP header");
        byte[] version1 = new RtpPacket(false, 0, 1, 1, 1, new byte[4]).toBytes();
        version1[0] = 0x40;
        assertMalformed(version1, "RTP version 1");
        byte[] rtcp = new RtpPacket(false, 0, 1, 1, 1, new byte[4]).toBytes();
        rtcp[1] = (byte) 200; // sender report
        assertMalformed(rtcp, "RTCP");
        byte[] padding = new RtpPacket(false, 0, 1, 1, 1, new byte[] { 1, 2, 50 }).toBytes();
        padding[0] |= 0x20;
        assertMalformed(padding, "padding");
        byte[] csrcs = new RtpPacket(false, 0, 1, 1, 1, new byte[4]).toBytes();
        csrcs[0] |= 0x0F; // 15 CSRCs announced in a 16-byte packet
        assertMalformed(csrcs, "header of 72 bytes");
    }

    private static void assertMalformed(byte[] datagram, String reason) {
        try {
            RtpPacket.parse(ByteBuffer.wrap(datagram));
            fail("accepted: " + reason);
        } catch (RtpPacket.MalformedPacketException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
        }
    }
}
