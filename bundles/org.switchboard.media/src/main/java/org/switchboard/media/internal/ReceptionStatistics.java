package org.switchboard.media.internal;

/**
 * Loss and interarrival jitter of the stream a leg receives, as RFC 3550 computes them for reception reports:
 * loss from the extended highest sequence number (appendix A.3), jitter from the differences of relative transit
 * times in timestamp units (appendix A.8). A sender that changes its SSRC, or jumps far in its sequence, starts a
 * new count; the losses counted before are kept. Written by the receive loop, read by anyone (synchronized).
 */
final class ReceptionStatistics {
    /** A jump of more than this many sequence numbers is a restart of the sender, not a loss (A.1). */
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQUENCE_MOD = 1 << 16;

    private long packetsReceived;
    private long lostBefore;
    private boolean started;
    private long ssrc;
    private int baseSequence;
    private int maxSequence;
    private long cycles;
    private long receivedInRun;

    private boolean transitKnown;
    private long lastTransit;
    private double jitter;

    /**
     * Counts a received packet.
     *
     * @param arrivalTimestamp the arrival time in the stream's timestamp units (8 kHz); only differences count
     * @param audio            whether the packet carries audio (telephone events keep the timestamp of their
     *                         start and would count as jitter)
     */
    synchronized void received(RtpPacket packet, long arrivalTimestamp, boolean audio) {
        packetsReceived++;
        int sequence = packet.sequenceNumber();
        if (!started || packet.ssrc() != ssrc) {
            restart(packet.ssrc(), sequence);
        } else {
            int delta = (sequence - maxSequence + SEQUENCE_MOD) % SEQUENCE_MOD;
            if (delta > 0 && delta < MAX_DROPOUT) {
                if (sequence < maxSequence) {
                    cycles += SEQUENCE_MOD;
                }
                maxSequence = sequence;
                receivedInRun++;
            } else if (delta != 0 && delta <= SEQUENCE_MOD - MAX_MISORDER) {
                restart(packet.ssrc(), sequence);
            } else {
                receivedInRun++; // late or duplicate
            }
        }
        if (audio) {
            long transit = arrivalTimestamp - packet.timestamp();
            if (transitKnown) {
                long difference = Math.abs(transit - lastTransit);
                jitter += (difference - jitter) / 16.0;
            }
            lastTransit = transit;
            transitKnown = true;
        }
    }

    private void restart(long newSsrc, int sequence) {
        lostBefore += lostInRun();
        started = true;
        ssrc = newSsrc;
        baseSequence = sequence;
        maxSequence = sequence;
        cycles = 0;
        receivedInRun = 0;
        transitKnown = false;
    }

    private long lostInRun() {
        if (!started) {
            return 0;
        }
        long expected = cycles + maxSequence - baseSequence + 1;
        return Math.max(0, expected - (receivedInRun + 1));
    }

    synchronized long packetsReceived() {
        return packetsReceived;
    }

    synchronized long packetsLost() {
        return lostBefore + lostInRun();
    }

    synchronized double jitterMillis() {
        return jitter * 1000.0 / Codec.CLOCK_RATE;
    }
}
