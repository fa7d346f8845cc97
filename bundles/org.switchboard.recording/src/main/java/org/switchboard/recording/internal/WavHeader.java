package org.switchboard.recording.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The 44-byte RIFF header of the recordings: PCM, 8 kHz, 16-bit, two channels (caller left, agent right). */
final class WavHeader {
    static final int SIZE = 44;
    static final int SAMPLE_RATE = 8000;
    static final int CHANNELS = 2;
    static final int BYTES_PER_FRAME = CHANNELS * 2;
    static final int BYTES_PER_SECOND = SAMPLE_RATE * BYTES_PER_FRAME;
    /** Offsets of the two sizes that change as the file grows. */
    static final int RIFF_SIZE_OFFSET = 4;
    static final int DATA_SIZE_OFFSET = 40;

    private WavHeader() {
    }

    /** The whole header for {@code dataBytes} bytes of samples. */
    static ByteBuffer of(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(riffSize(dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) CHANNELS).putInt(SAMPLE_RATE)
                .putInt(BYTES_PER_SECOND).putShort((short) BYTES_PER_FRAME).putShort((short) 16);
        header.put(ascii("data")).putInt(dataSize(dataBytes));
        return header.flip();
    }

    /** A little-endian 32-bit size field. */
    static ByteBuffer sizeField(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).flip();
    }

    static int riffSize(long dataBytes) {
        return (int) Math.min(0xFFFF_FFFFL, 36 + dataBytes);
    }

    static int dataSize(long dataBytes) {
        return (int) Math.min(0xFFFF_FFFFL, dataBytes);
    }

    /** Whole stereo frames only: what a file of {@code fileLength} bytes holds once a torn last frame is cut. */
    static long wholeFrameDataBytes(long fileLength) {
        long data = Math.max(0, fileLength - SIZE);
        return data - data % BYTES_PER_FRAME;
    }

    static long millisOf(long dataBytes) {
        return dataBytes * 1000 / BYTES_PER_SECOND;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
