package org.switchboard.media.internal;

import java.nio.ByteBuffer;

/**
 * One RTP packet (RFC 3550, section 5.1): the fixed header fields the server uses and the payload. CSRCs,
 * header extensions and padding are accepted when parsing and never written.
 *
 * @param marker         the M bit
 * @param payloadType    0..127
 * @param sequenceNumber 0..65535
 * @param timestamp      0..2^32-1
 * @param ssrc           0..2^32-1
 * @param payload        the payload, without padding
 */
record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {

    static final int HEADER_LENGTH = 12;
    private static final int VERSION = 2;

    /**
     * Reads the packet from the buffer's remaining bytes.
     *
     * @throws MalformedPacketException when they are not an RTP packet (or are RTCP)
     */
    static RtpPacket parse(ByteBuffer datagram) throws MalformedPacketException {
        int length = datagram.remaining();
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException(length + " bytes, shorter than an RTP header");
        }
        int start = datagram.position();
        int first = datagram.get(start) & 0xFF;
        if (first >> 6 != VERSION) {
            throw new MalformedPacketException("RTP version " + (first >> 6));
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int second = datagram.get(start + 1) & 0xFF;
        int payloadType = second & 0x7F;
        if (payloadType >= 72 && payloadType <= 76) {
            throw new MalformedPacketException("RTCP packet type " + second);
        }
        int sequence = datagram.getShort(start + 2) & 0xFFFF;
        long timestamp = datagram.getInt(start + 4) & 0xFFFFFFFFL;
        long ssrc = datagram.getInt(start + 8) & 0xFFFFFFFFL;
        int offset = HEADER_LENGTH + 4 * csrcCount;
        if (extension) {
            if (length < offset + 4) {
                throw new MalformedPacketException("header extension cut short");
            }
            int words = datagram.getShort(start + offset + 2) & 0xFFFF;
            offset += 4 + 4 * words;
        }
        if (offset > length) {
            throw new MalformedPacketException("header of " + offset + " bytes in a packet of " + length);
        }
        int end = length;
        if (padding) {
            int pad = datagram.get(start + length - 1) & 0xFF;
            if (pad == 0 || pad > length - offset) {
                throw new MalformedPacketException("padding of " + pad + " bytes does not fit");
            }
            end -= pad;
        }
        byte[] payload = new byte[end - offset];
        datagram.get(start + offset, payload);
        return new RtpPacket((second & 0x80) != 0, payloadType, sequence, timestamp, ssrc, payload);
    }

    /** Writes the packet (12-byte header, then the payload) at the buffer's position. */
    void writeTo(ByteBuffer buffer) {
        buffer.put((byte) (VERSION << 6));
        buffer.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        buffer.putShort((short) sequenceNumber);
        buffer.putInt((int) timestamp);
        buffer.putInt((int) ssrc);
        buffer.put(payload);
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        writeTo(buffer);
        return buffer.array();
    }

    /** Not an RTP packet the server can use. */
    static final class MalformedPacketException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedPacketException(String message) {
            super(message);
        }
    }
}
