package org.switchboard.media.internal;

/**
 * ITU-T G.711 companding of 16-bit linear samples, µ-law and A-law, bit-exact with the reference
 * implementation that ITU-T G.191 and most telephony software share (Sun Microsystems' g711.c).
 */
final class G711 {
    private static final int ULAW_BIAS = 0x84;
    private static final int SIGN_BIT = 0x80;
    private static final int QUANT_MASK = 0x0F;
    private static final int SEG_SHIFT = 4;
    private static final int SEG_MASK = 0x70;

    /** µ-law silence (linear 0). */
    static final byte ULAW_SILENCE = (byte) 0xFF;
    /** A-law silence (linear 0 encodes to 0xD5, which decodes to +8). */
    static final byte ALAW_SILENCE = (byte) 0xD5;

    private G711() {
    }

    static byte linearToUlaw(int sample) {
        int mask;
        int value = sample;
        if (value < 0) {
            value = ULAW_BIAS - value;
            mask = 0x7F;
        } else {
            value += ULAW_BIAS;
            mask = 0xFF;
        }
        int segment = segment(value, 0xFF);
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int ulaw = (segment << SEG_SHIFT) | ((value >> (segment + 3)) & QUANT_MASK);
        return (byte) (ulaw ^ mask);
    }

    static short ulawToLinear(byte ulaw) {
        int value = ~ulaw & 0xFF;
        int t = ((value & QUANT_MASK) << 3) + ULAW_BIAS;
        t <<= (value & SEG_MASK) >> SEG_SHIFT;
        return (short) ((value & SIGN_BIT) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS);
    }

    static byte linearToAlaw(int sample) {
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = segment(value, 0x1F);
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int alaw = segment << SEG_SHIFT;
        alaw |= segment < 2 ? (value >> 1) & QUANT_MASK : (value >> segment) & QUANT_MASK;
        return (byte) (alaw ^ mask);
    }

    static short alawToLinear(byte alaw) {
        int value = (alaw & 0xFF) ^ 0x55;
        int t = (value & QUANT_MASK) << 4;
        int segment = (value & SEG_MASK) >> SEG_SHIFT;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (short) ((value & SIGN_BIT) != 0 ? t : -t);
    }

    /** The segment of {@code value}: the first of 8 doubling end points, starting at {@code firstEnd}. */
    private static int segment(int value, int firstEnd) {
        int end = firstEnd;
        for (int segment = 0; segment < 8; segment++) {
            if (value <= end) {
                return segment;
            }
            end = (end << 1) | 1;
        }
        return 8;
    }
}
