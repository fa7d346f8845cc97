package org.switchboard.recording.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a WAV file left open by a crash consistent: its header is rewritten with the sizes of the samples the file
 * really holds, and a torn last frame is cut off.
 */
final class WavRepair {

    private WavRepair() {
    }

    /** @return the bytes of samples the repaired file holds */
    static long repair(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long dataBytes = WavHeader.wholeFrameDataBytes(channel.size());
            channel.truncate(WavHeader.SIZE + dataBytes);
            ByteBuffer header = WavHeader.of(dataBytes);
            long at = 0;
            while (header.hasRemaining()) {
                at += channel.write(header, at);
            }
            channel.force(true);
            return dataBytes;
        }
    }
}
