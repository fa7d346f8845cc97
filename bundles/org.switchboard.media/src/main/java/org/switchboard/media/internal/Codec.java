package org.switchboard.media.internal;

import java.util.Locale;
import java.util.Optional;

/** The audio codecs the server speaks: G.711 at 8 kHz, one byte a sample. */
enum Codec {
    PCMU(0) {
        @Override
        byte encode(int sample) {
            return G711.linearToUlaw(sample);
        }

        @Override
        short decode(byte value) {
            return G711.ulawToLinear(value);
        }

        @Override
        byte silence() {
            return G711.ULAW_SILENCE;
        }
    },
    PCMA(8) {
        @Override
        byte encode(int sample) {
            return G711.linearToAlaw(sample);
        }

        @Override
        short decode(byte value) {
            return G711.alawToLinear(value);
        }

        @Override
        byte silence() {
            return G711.ALAW_SILENCE;
        }
    };

    static final int CLOCK_RATE = 8000;
    /** Samples in one 20 ms frame. */
    static final int FRAME_SAMPLES = 160;

    private final int staticPayloadType;

    Codec(int staticPayloadType) {
        this.staticPayloadType = staticPayloadType;
    }

    /** The payload type RFC 3551 assigns to this codec. */
    int staticPayloadType() {
        return staticPayloadType;
    }

    abstract byte encode(int sample);

    abstract short decode(byte value);

    /** The encoding of linear silence. */
    abstract byte silence();

    byte[] encode(short[] samples, int from, int count) {
        byte[] encoded = new byte[count];
        for (int i = 0; i < count; i++) {
            encoded[i] = encode(samples[from + i]);
        }
        return encoded;
    }

    short[] decode(byte[] payload) {
        short[] samples = new short[payload.length];
        for (int i = 0; i < payload.length; i++) {
            samples[i] = decode(payload[i]);
        }
        return samples;
    }

    /** A codec by its static payload type (0 or 8). */
    static Optional<Codec> byStaticPayloadType(int payloadType) {
        for (Codec codec : values()) {
            if (codec.staticPayloadType == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** A codec by the encoding name and clock rate of an {@code a=rtpmap} ("PCMU/8000"). */
    static Optional<Codec> byRtpmap(String encoding) {
        String[] parts = encoding.trim().split("/");
        if (parts.length < 2 || !parts[1].trim().equals(Integer.toString(CLOCK_RATE))) {
            return Optional.empty();
        }
        String name = parts[0].trim().toUpperCase(Locale.ROOT);
        for (Codec codec : values()) {
            if (codec.name().equals(name)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
