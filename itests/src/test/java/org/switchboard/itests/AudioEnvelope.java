package org.switchboard.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The loudness of audio over time, 20 ms per value, to tell whether what a caller heard is a given prompt:
 * the prompt's envelope is slid along the heard one and the best normalised correlation is taken.
 */
final class AudioEnvelope {
    private static final int FRAME = 160;

    private final double[] frames;

    private AudioEnvelope(double[] frames) {
        this.frames = frames;
    }

    /** From G.711 µ-law bytes, as they arrive in RTP payloads. */
    static AudioEnvelope ofMuLaw(byte[] muLaw) {
        short[] samples = new short[muLaw.length];
        for (int i = 0; i < muLaw.length; i++) {
            samples[i] = decodeMuLaw(muLaw[i]);
        }
        return of(samples);
    }

    /** From a WAV file of 8 kHz mono µ-law (format 7) or 16-bit PCM (format 1). */
    static AudioEnvelope ofWav(Path file) throws IOException {
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        wav.position(12);
        int format = -1;
        while (wav.remaining() >= 8) {
            String id = new String(new byte[] {wav.get(), wav.get(), wav.get(), wav.get()},
                    java.nio.charset.StandardCharsets.US_ASCII);
            int size = wav.getInt();
            if (id.equals("fmt ")) {
                format = wav.getShort(wav.position());
            } else if (id.equals("data")) {
                byte[] data = new byte[Math.min(size, wav.remaining())];
                wav.get(data);
                if (format == 7) {
                    return ofMuLaw(data);
                }
                if (format == 1) {
                    short[] samples = new short[data.length / 2];
                    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
                    return of(samples);
                }
                throw new IOException(file + ": WAV format " + format + " is neither µ-law nor PCM");
            }
            wav.position(wav.position() + size + (size & 1));
        }
        throw new IOException(file + " has no data chunk");
    }

    private static AudioEnvelope of(short[] samples) {
        double[] frames = new double[samples.length / FRAME];
        for (int f = 0; f < frames.length; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += (double) samples[i] * samples[i];
            }
            frames[f] = Math.sqrt(sum / FRAME);
        }
        return new AudioEnvelope(frames);
    }

    /** The first {@code seconds} of this envelope (all of it when shorter). */
    AudioEnvelope first(double seconds) {
        int count = Math.min(frames.length, (int) Math.round(seconds * 50));
        return new AudioEnvelope(java.util.Arrays.copyOf(frames, count));
    }

    int frames() {
        return frames.length;
    }

    /** The highest loudness of any 20 ms frame. */
    double peak() {
        double peak = 0;
        for (double frame : frames) {
            peak = Math.max(peak, frame);
        }
        return peak;
    }

    /**
     * The best normalised correlation (-1 to 1) of {@code prompt}'s envelope with a stretch of this one, over
     * every offset where the prompt fits entirely; 0 when it never fits.
     */
    double bestMatch(AudioEnvelope prompt) {
        int n = prompt.frames.length;
        double best = 0;
        for (int offset = 0; offset + n <= frames.length; offset++) {
            best = Math.max(best, correlation(frames, offset, prompt.frames, n));
        }
        return best;
    }

    private static double correlation(double[] a, int offset, double[] b, int n) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[offset + i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            double da = a[offset + i] - meanA;
            double db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }

    /** ITU-T G.711 µ-law to 16-bit linear. */
    static short decodeMuLaw(byte code) {
        int u = ~code & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }
}
