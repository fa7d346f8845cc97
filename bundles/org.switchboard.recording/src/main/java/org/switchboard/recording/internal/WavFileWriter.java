package org.switchboard.recording.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a stereo WAV file as it is recorded. Samples are buffered; {@link #checkpoint()} hands them to the
 * operating system and rewrites the two sizes of the header, so that a file left by a crash plays up to its last
 * checkpoint (the recorder checkpoints every second). Not thread-safe: one thread writes.
 */
final class WavFileWriter implements AutoCloseable {
    /** One second of audio. */
    private static final int BUFFER_BYTES = WavHeader.BYTES_PER_SECOND;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean closed;

    /** Creates the file (it must not exist) with an empty header. */
    WavFileWriter(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            writeFully(WavHeader.of(0), 0);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** Appends interleaved samples (left, right, left, ...). */
    void write(short[] samples, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
            buffer.putShort(samples[i]);
        }
    }

    /** Hands what is buffered to the operating system and updates the header's sizes. */
    void checkpoint() throws IOException {
        flushBuffer();
        writeFully(WavHeader.sizeField(WavHeader.riffSize(dataBytes)), WavHeader.RIFF_SIZE_OFFSET);
        writeFully(WavHeader.sizeField(WavHeader.dataSize(dataBytes)), WavHeader.DATA_SIZE_OFFSET);
    }

    /** Bytes of samples written so far (buffered ones included). */
    long dataBytes() {
        return dataBytes + buffer.position();
    }

    /** Checkpoints, forces the file to the disk and closes it. Closing twice does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            checkpoint();
            channel.force(true);
        } finally {
            channel.close();
        }
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        int bytes = buffer.remaining();
        writeFully(buffer, WavHeader.SIZE + dataBytes);
        dataBytes += bytes;
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
