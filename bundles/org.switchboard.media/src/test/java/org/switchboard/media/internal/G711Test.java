package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.Test;

public class G711Test {

    @Test
    public void muLawMatchesTheReferenceValuesOfG711() {
        assertEquals((byte) 0xFF, G711.linearToUlaw(0));
        assertEquals((byte) 0x7F, G711.linearToUlaw(-1));
        assertEquals((byte) 0x80, G711.linearToUlaw(32767));
        assertEquals((byte) 0x00, G711.linearToUlaw(-32768));
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
        assertEquals(0, G711.ulawToLinear((byte) 0x7F));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        // the first segment steps by 8 around 0: 0xFE is the first code above silence
        assertEquals(8, G711.ulawToLinear((byte) 0xFE));
        assertEquals(-8, G711.ulawToLinear((byte) 0x7E));
    }

    @Test
    public void aLawMatchesTheReferenceValuesOfG711() {
        assertEquals((byte) 0xD5, G711.linearToAlaw(0));
        assertEquals((byte) 0x55, G711.linearToAlaw(-1));
        assertEquals((byte) 0xAA, G711.linearToAlaw(32767));
        assertEquals((byte) 0x2A, G711.linearToAlaw(-32768));
        assertEquals(8, G711.alawToLinear((byte) 0xD5));
        assertEquals(-8, G711.alawToLinear((byte) 0x55));
        assertEquals(32256, G711.alawToLinear((byte) 0xAA));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
    }

    /**
     * Beyond this magnitude the JDK's µ-law encoder overflows 16-bit arithmetic (-32768 comes out as 0x7F, about
     * silence); G.711 clips there, which {@link #muLawClipsTheLoudestSamplesToTheLoudestCodes} checks.
     */
    private static final int ULAW_CLIP = 32635;

    @Test
    public void muLawClipsTheLoudestSamplesToTheLoudestCodes() {
        for (int sample = ULAW_CLIP; sample <= Short.MAX_VALUE; sample++) {
            assertEquals((byte) 0x80, G711.linearToUlaw(sample));
            assertEquals((byte) 0x00, G711.linearToUlaw(-sample - 1));
        }
    }

    @Test
    public void everyLinearSampleEncodesToMuLawAsTheJdksConverterDoes() throws Exception {
        byte[] linear = new byte[65536 * 2];
        ByteBuffer samples = ByteBuffer.wrap(linear).order(ByteOrder.LITTLE_ENDIAN);
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            samples.putShort((short) sample);
        }
        byte[] ulaw = convert(linear, pcm16(), law(AudioFormat.Encoding.ULAW));
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 65536; i++) {
            int sample = Short.MIN_VALUE + i;
            if (Math.abs(sample) <= ULAW_CLIP && ulaw[i] != G711.linearToUlaw(sample)) {
                differences.add(sample + ": JDK " + (ulaw[i] & 0xFF) + ", ours " + (G711.linearToUlaw(sample) & 0xFF));
            }
        }
        assertEquals(List.of(), differences);
    }

    /**
     * A-law against the ITU-T G.191 Software Tool Library's {@code alaw_compress} (transcribed below), for every
     * 16-bit sample. (The JDK's A-law encoder is one step off at the segment boundaries of negative samples.)
     */
    @Test
    public void everyLinearSampleEncodesToALawAsTheItuReferenceDoes() {
        List<String> differences = new ArrayList<>();
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            int ours = G711.linearToAlaw(sample) & 0xFF;
            if (ours != ituAlawCompress(sample)) {
                differences.add(sample + ": ITU " + ituAlawCompress(sample) + ", ours " + ours);
            }
        }
        assertEquals(List.of(), differences);
    }

    private static int ituAlawCompress(int linear) {
        int ix = linear < 0 ? (~linear) >> 4 : linear >> 4;
        if (ix > 15) {
            int exponent = 1;
            while (ix > 16 + 15) {
                ix >>= 1;
                exponent++;
            }
            ix -= 16;
            ix += exponent << 4;
        }
        if (linear >= 0) {
            ix |= 0x80;
        }
        return (ix ^ 0x55) & 0xFF;
    }

    @Test
    public void everyCodeDecodesAsTheJdksG711ConvertersDecodeIt() throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        ByteBuffer fromUlaw = ByteBuffer.wrap(convert(codes, law(AudioFormat.Encoding.ULAW), pcm16()))
                .order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer fromAlaw = ByteBuffer.wrap(convert(codes, law(AudioFormat.Encoding.ALAW), pcm16()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 256; i++) {
            assertEquals("µ-law code " + i, fromUlaw.getShort(), G711.ulawToLinear((byte) i));
            assertEquals("A-law code " + i, fromAlaw.getShort(), G711.alawToLinear((byte) i));
        }
    }

    @Test
    public void decodingThenEncodingGivesBackEveryCode() {
        for (int code = 0; code < 256; code++) {
            byte value = (byte) code;
            assertEquals(value, G711.linearToAlaw(G711.alawToLinear(value)));
            if (code != 0x7F) { // µ-law has two zeros, +0 (0xFF) and -0 (0x7F); both decode to 0
                assertEquals(value, G711.linearToUlaw(G711.ulawToLinear(value)));
            }
        }
    }

    @Test
    public void quantisationErrorStaysWithinHalfAStepOfTheSegment() {
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample += 7) {
            int ulawError = Math.abs(G711.ulawToLinear(G711.linearToUlaw(sample)) - sample);
            int alawError = Math.abs(G711.alawToLinear(G711.linearToAlaw(sample)) - sample);
            // the largest step is 1024 (µ-law) or 1024 (A-law) in the top segment; clipping adds up to 643
            int bound = Math.abs(sample) > 31000 ? 1024 : Math.max(8, Math.abs(sample) / 16 + 8);
            assertTrue("µ-law error " + ulawError + " at " + sample, ulawError <= bound);
            assertTrue("A-law error " + alawError + " at " + sample, alawError <= bound);
        }
    }

    @Test
    public void aFrameOfSamplesTranscodesBetweenTheLaws() {
        short[] samples = { 0, 100, -100, 1000, -1000, 20000, -20000, 32767 };
        byte[] alaw = Codec.PCMA.encode(samples, 0, samples.length);
        short[] decoded = Codec.PCMA.decode(alaw);
        byte[] ulaw = Codec.PCMU.encode(decoded, 0, decoded.length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(G711.linearToUlaw(G711.alawToLinear(alaw[i])), ulaw[i]);
        }
        assertArrayEquals(new short[] { 8, 104, -104 },
                new short[] { decoded[0], decoded[1], decoded[2] });
    }

    private static AudioFormat pcm16() {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, false);
    }

    private static AudioFormat law(AudioFormat.Encoding encoding) {
        return new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
    }

    private static byte[] convert(byte[] data, AudioFormat from, AudioFormat to) throws Exception {
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(data), from,
                data.length / from.getFrameSize());
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(to, source)) {
            return converted.readAllBytes();
        }
    }
}
