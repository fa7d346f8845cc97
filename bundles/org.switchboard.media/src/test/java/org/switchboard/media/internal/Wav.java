package org.switchboard.media.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files for the tests, written byte by byte. */
final class Wav {
    private Wav() {
    }

    /** 8 kHz mono 16-bit PCM; with {@code extraChunks}, a LIST chunk of odd size before fmt and a fact chunk. */
    static byte[] pcm16(short[] samples, boolean extraChunks) {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            data.putShort(sample);
        }
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16);
        if (!extraChunks) {
            return WavReaderTest.riff(WavReaderTest.chunk("fmt ", fmt.array()),
                    WavReaderTest.chunk("data", data.array()));
        }
        return WavReaderTest.riff(WavReaderTest.chunk("LIST", "INFOISFT".concat("x").getBytes(StandardCharsets.US_ASCII)),
                WavReaderTest.chunk("fmt ", fmt.array()), WavReaderTest.chunk("fact", new byte[4]),
                WavReaderTest.chunk("data", data.array()));
    }

    /** 8 kHz mono µ-law. */
    static byte[] ulaw(byte[] encoded) {
        return WavReaderTest.wav(7, 1, 8000, 8, encoded);
    }
}
