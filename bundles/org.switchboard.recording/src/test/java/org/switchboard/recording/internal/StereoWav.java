package org.switchboard.recording.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A recorded WAV file as the tests read it: the header's fields and the two channels. */
final class StereoWav {
    final int riffSize;
    final int channels;
    final int sampleRate;
    final int bitsPerSample;
    final int dataSize;
    final short[] left;
    final short[] right;

    private StereoWav(ByteBuffer bytes) {
        riffSize = bytes.getInt(4);
        channels = bytes.getShort(22);
        sampleRate = bytes.getInt(24);
        bitsPerSample = bytes.getShort(34);
        dataSize = bytes.getInt(40);
        int frames = dataSize / 4;
        left = new short[frames];
        right = new short[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = bytes.getShort(44 + 4 * i);
            right[i] = bytes.getShort(46 + 4 * i);
        }
    }

    /** Reads the samples the header announces. */
    static StereoWav read(Path file) throws IOException {
        return new StereoWav(ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN));
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
