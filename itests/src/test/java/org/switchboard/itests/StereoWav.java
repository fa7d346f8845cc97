package org.switchboard.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A 16-bit stereo WAV file of a recording: its format and its two channels (caller left, agent right). */
final class StereoWav {
    final int channels;
    final int sampleRate;
    final int bitsPerSample;
    final short[] left;
    final short[] right;

    private StereoWav(ByteBuffer bytes) {
        channels = bytes.getShort(22);
        sampleRate = bytes.getInt(24);
        bitsPerSample = bytes.getShort(34);
        int frames = bytes.getInt(40) / 4;
        left = new short[frames];
        right = new short[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = bytes.getShort(44 + 4 * i);
            right[i] = bytes.getShort(46 + 4 * i);
        }
    }

    static StereoWav read(Path file) throws IOException {
        return new StereoWav(ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN));
    }
}
