package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class WavReaderTest {

    @Test
    public void muLawFileDecodesToItsLinearSamples() throws Exception {
        byte[] ulaw = { (byte) 0xFF, (byte) 0x80, 0x00, (byte) 0xFE };
        short[] samples = WavReader.read("t.wav", wav(7, 1, 8000, 8, ulaw));
        assertArrayEquals(new short[] { 0, 32124, -32124, 8 }, samples);
    }

    @Test
    public void aLawFileDecodesToItsLinearSamples() throws Exception {
        byte[] alaw = { (byte) 0xD5, (byte) 0xAA, 0x2A };
        assertArrayEquals(new short[] { 8, 32256, -32256 }, WavReader.read("t.wav", wav(6, 1, 8000, 8, alaw)));
    }

    @Test
    public void pcmFileIsReadSampleForSampleAcrossOtherChunks() throws Exception {
        short[] expected = { 0, 1, -1, 12345, -32768, 32767, 7 };
        byte[] file = Wav.pcm16(expected, true);
        assertArrayEquals(expected, WavReader.read("t.wav", file));
    }

    @Test
    public void extensibleFormatIsReadByItsSubFormat() throws Exception {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 0xFFFE).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4).putShort((short) 1);
        byte[] data = { 0x34, 0x12 };
        byte[] file = riff(chunk("fmt ", fmt.array()), chunk("data", data));
        assertArrayEquals(new short[] { 0x1234 }, WavReader.read("t.wav", file));
    }

    @Test
    public void otherFormatsAreRefusedNamingTheFileAndItsFormat() {
        assertRefused(wav(1, 2, 44100, 16, new byte[8]), "music.wav: 44100 Hz, 2 channels, 16-bit PCM");
        assertRefused(wav(1, 1, 8000, 8, new byte[8]), "music.wav: 8000 Hz, mono, 8-bit PCM");
        assertRefused(wav(0x31, 1, 8000, 0, new byte[65]), "music.wav: 8000 Hz, mono, GSM 6.10");
        assertRefused(wav(1, 1, 16000, 16, new byte[8]), "16000 Hz");
        assertRefused("ID3 not a wave".getBytes(StandardCharsets.US_ASCII), "music.wav: not a RIFF/WAVE file");
        assertRefused(riff(chunk("data", new byte[4])), "data chunk before the fmt chunk");
    }

    private static void assertRefused(byte[] file, String message) {
        try {
            WavReader.read("music.wav", file);
            fail("played: " + message);
        } catch (UnplayableAudioException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }

    static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = Math.max(1, channels * bits / 8);
        fmt.putShort((short) format).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return riff(chunk("fmt ", fmt.array()), chunk("data", data));
    }

    static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return chunk.array();
    }

    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        return chunk("RIFF", body.toByteArray());
    }
}
