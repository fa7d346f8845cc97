package org.switchboard.media.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the audio of a RIFF/WAVE file into 16-bit linear samples. Playable are 8 kHz mono files in µ-law
 * (format 7), A-law (format 6) or 16-bit PCM (format 1), also when written as WAVE_FORMAT_EXTENSIBLE. Chunks are
 * walked by their sizes (with the pad byte of odd sizes), so LIST, fact and other chunks anywhere are skipped.
 */
final class WavReader {
    private static final int PCM = 1;
    private static final int ALAW = 6;
    private static final int ULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /**
     * The samples of the file's bytes.
     *
     * @param name the file, for the messages
     * @throws UnplayableAudioException when it is not a WAVE file or not in a playable format; the message names
     *                                  the file and its format
     */
    static short[] read(String name, byte[] file) throws UnplayableAudioException {
        ByteBuffer bytes = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !fourCc(bytes, 0).equals("RIFF") || !fourCc(bytes, 8).equals("WAVE")) {
            throw new UnplayableAudioException(name + ": not a RIFF/WAVE file");
        }
        int position = 12;
        Format format = null;
        while (position + 8 <= file.length) {
            String id = fourCc(bytes, position);
            long size = bytes.getInt(position + 4) & 0xFFFFFFFFL;
            int body = position + 8;
            long available = file.length - body;
            if (id.equals("fmt ")) {
                if (size < 16 || size > available) {
                    throw new UnplayableAudioException(name + ": fmt chunk of " + size + " bytes is malformed");
                }
                format = Format.read(bytes, body, (int) size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new UnplayableAudioException(name + ": data chunk before the fmt chunk");
                }
                format.checkPlayable(name);
                // A data size larger than the file (streams written before their length was known): take what is there.
                return format.decode(file, body, (int) Math.min(size, available));
            }
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new UnplayableAudioException(name + ": no " + (format == null ? "fmt" : "data") + " chunk");
    }

    private static String fourCc(ByteBuffer bytes, int at) {
        byte[] id = new byte[4];
        bytes.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private record Format(int code, int channels, int sampleRate, int bitsPerSample) {
        static Format read(ByteBuffer bytes, int at, int size) {
            int code = bytes.getShort(at) & 0xFFFF;
            if (code == EXTENSIBLE && size >= 26) {
                code = bytes.getShort(at + 24) & 0xFFFF; // the first two bytes of the sub-format GUID
            }
            return new Format(code, bytes.getShort(at + 2) & 0xFFFF, bytes.getInt(at + 4),
                    bytes.getShort(at + 14) & 0xFFFF);
        }

        void checkPlayable(String name) throws UnplayableAudioException {
            boolean playableEncoding = (code == PCM && bitsPerSample == 16)
                    || ((code == ULAW || code == ALAW) && bitsPerSample == 8);
            if (!playableEncoding || channels != 1 || sampleRate != Codec.CLOCK_RATE) {
                throw new UnplayableAudioException(name + ": " + describe()
                        + "; only 8000 Hz mono µ-law, A-law or 16-bit PCM can be played");
            }
        }

        String describe() {
            String encoding = switch (code) {
                case PCM -> bitsPerSample + "-bit PCM";
                case ULAW -> "µ-law";
                case ALAW -> "A-law";
                case 3 -> bitsPerSample + "-bit float";
                case 2 -> "MS ADPCM";
                case 0x11 -> "IMA ADPCM";
                case 0x31 -> "GSM 6.10";
                case 0x55 -> "MP3";
                default -> "format " + code + ", " + bitsPerSample + "-bit";
            };
            return sampleRate + " Hz, " + (channels == 1 ? "mono" : channels + " channels") + ", " + encoding;
        }

        short[] decode(byte[] file, int from, int length) {
            if (code == PCM) {
                short[] samples = new short[length / 2];
                ByteBuffer data = ByteBuffer.wrap(file, from, length).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = data.getShort();
                }
                return samples;
            }
            Codec codec = code == ULAW ? Codec.PCMU : Codec.PCMA;
            short[] samples = new short[length];
            for (int i = 0; i < length; i++) {
                samples[i] = codec.decode(file[from + i]);
            }
            return samples;
        }
    }
}
