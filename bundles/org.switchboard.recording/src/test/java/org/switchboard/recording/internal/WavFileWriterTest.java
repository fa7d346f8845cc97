package org.switchboard.recording.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class WavFileWriterTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theHeaderDescribesEightKilohertzSixteenBitStereoPcm() throws IOException {
        Path file = folder.getRoot().toPath().resolve("call.wav");
        try (WavFileWriter writer = new WavFileWriter(file)) {
            writer.write(new short[] { 1, 2, 3, 4 }, 4);
        }
        StereoWav wav = StereoWav.read(file);
        assertEquals(2, wav.channels);
        assertEquals(8000, wav.sampleRate);
        assertEquals(16, wav.bitsPerSample);
        assertEquals(8, wav.dataSize);
        assertEquals(44, wav.riffSize);
        assertEquals(1, wav.left[0]);
        assertEquals(2, wav.right[0]);
        assertEquals(3, wav.left[1]);
        assertEquals(4, wav.right[1]);
    }

    @Test
    public void aCheckpointLeavesAFileThatPlaysUpToItWhileWritingGoesOn() throws IOException {
        Path file = folder.getRoot().toPath().resolve("call.wav");
        WavFileWriter writer = new WavFileWriter(file);
        writer.write(new short[16_000], 16_000); // one second, stereo
        writer.checkpoint();
        writer.write(new short[8_000], 8_000); // half a second more, not checkpointed

        StereoWav duringTheCall = StereoWav.read(file);
        assertEquals(32_000, duringTheCall.dataSize);
        assertEquals(32_036, duringTheCall.riffSize);
        assertEquals(44 + 32_000, Files.size(file));

        writer.close();
        StereoWav closed = StereoWav.read(file);
        assertEquals(48_000, closed.dataSize);
        assertEquals(44 + 48_000, Files.size(file));
    }

    @Test
    public void aFileLeftOpenByACrashIsRepairedFromItsLength() throws IOException {
        Path file = folder.getRoot().toPath().resolve("call.wav");
        WavFileWriter writer = new WavFileWriter(file);
        writer.write(new short[16_000], 16_000);
        writer.checkpoint();
        // what reached the disk after the last checkpoint, ending in a torn frame; the writer is never closed
        Files.write(file, new byte[4 * 1000 + 3], StandardOpenOption.APPEND);

        long dataBytes = WavRepair.repair(file);

        assertEquals(32_000 + 4_000, dataBytes);
        StereoWav repaired = StereoWav.read(file);
        assertEquals(36_000, repaired.dataSize);
        assertEquals(36_036, repaired.riffSize);
        assertEquals(44 + 36_000, Files.size(file));
    }

    @Test
    public void aFileCutInsideItsHeaderIsRepairedToAnEmptyRecording() throws IOException {
        Path file = folder.getRoot().toPath().resolve("call.wav");
        Files.write(file, new byte[] { 'R', 'I', 'F', 'F', 0, 0 });

        assertEquals(0, WavRepair.repair(file));

        StereoWav repaired = StereoWav.read(file);
        assertEquals(0, repaired.dataSize);
        assertEquals(2, repaired.channels);
        assertEquals(44, Files.size(file));
    }

    @Test
    public void soxReadsAClosedRecordingAsStereoEightKilohertz() throws Exception {
        Path file = folder.getRoot().toPath().resolve("call.wav");
        try (WavFileWriter writer = new WavFileWriter(file)) {
            for (int i = 0; i < 100; i++) {
                short[] stereo = new short[320];
                short[] tone = Signals.toneFrame(440, i);
                for (int s = 0; s < 160; s++) {
                    stereo[2 * s] = tone[s];
                }
                writer.write(stereo, stereo.length);
            }
        }
        String sox = soxInfo(file);
        if (sox == null) {
            return; // sox is not installed here: the header was checked field by field above
        }
        assertTrue(sox, sox.contains("Channels       : 2"));
        assertTrue(sox, sox.contains("Sample Rate    : 8000"));
        assertTrue(sox, sox.contains("Precision      : 16-bit"));
        assertTrue(sox, sox.contains("Duration       : 00:00:02.00 = 16000 samples"));
    }

    /** What {@code sox --i} says of the file, or null when sox is not on the PATH. */
    static String soxInfo(Path file) throws IOException, InterruptedException {
        boolean installed = false;
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            installed |= !directory.isEmpty() && Files.isExecutable(Path.of(directory, "sox"));
        }
        if (!installed) {
            return null;
        }
        Process sox = new ProcessBuilder("sox", "--i", file.toString()).redirectErrorStream(true).start();
        String output = new String(sox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("sox did not finish", sox.waitFor(30, TimeUnit.SECONDS));
        assertEquals(output, 0, sox.exitValue());
        return output;
    }
}
