package org.switchboard.media.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.random.RandomGenerator;

/**
 * The RTP stream one leg sends: its own SSRC, sequence numbers that go up by one with every packet, and a
 * timeline that goes on across switches between playing and relaying. Relayed packets keep the spacing of their
 * source's timestamps (the RTP timestamps of telephone events stay those of the event's start), moved onto the
 * leg's timeline; played frames advance it by 20 ms, or by the time that passed when nothing was sent for a
 * while (hold). A packet that starts a new run of timestamps has the marker bit. Called by the pacing thread and
 * the receive loop; synchronized, so that the two never interleave a sequence number.
 */
final class OutgoingStream {
    private static final long TIMESTAMP_MASK = 0xFFFFFFFFL;
    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / Codec.CLOCK_RATE;
    /** A pause longer than this (nothing sent) moves the timeline on by the time that passed. */
    private static final long RESYNC_SAMPLES = 5 * Codec.FRAME_SAMPLES;

    private final DatagramChannel channel;
    private final long ssrc;
    private final ByteBuffer buffer = ByteBuffer.allocate(RtpPacket.HEADER_LENGTH + ReceiveLoop.MAX_DATAGRAM);
    private int nextSequence;
    private long timestamp;
    private int lastSamples = Codec.FRAME_SAMPLES;
    private boolean started;
    private long lastSentNanos;
    private boolean relaying;
    private long relayedSsrc;
    private long relayOffset;
    private long packetsSent;
    private long sendFailures;

    OutgoingStream(DatagramChannel channel, RandomGenerator random) {
        this.channel = channel;
        this.ssrc = random.nextLong() & TIMESTAMP_MASK;
        this.nextSequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong() & TIMESTAMP_MASK;
    }

    /** Sends one frame the leg plays. */
    synchronized void sendPlayed(InetSocketAddress target, int payloadType, byte[] payload, long nowNanos) {
        boolean marker = false;
        if (!started) {
            marker = true;
        } else {
            long paused = samplesSince(nowNanos);
            if (relaying || paused > RESYNC_SAMPLES) {
                timestamp = advance(timestamp, Math.max(lastSamples, roundToFrames(paused)));
                marker = true;
            } else {
                timestamp = advance(timestamp, lastSamples);
            }
        }
        relaying = false;
        send(target, marker, payloadType, timestamp, payload, payload.length, nowNanos);
    }

    /**
     * Sends a packet received on the bridged leg, with this stream's SSRC, sequence and timeline.
     *
     * @param samples the audio samples in the payload; 0 for a telephone event
     */
    synchronized void sendRelayed(InetSocketAddress target, int payloadType, RtpPacket source, byte[] payload,
            int samples, long nowNanos) {
        boolean marker = source.marker();
        if (!relaying || source.ssrc() != relayedSsrc) {
            long first = started ? advance(timestamp, Math.max(lastSamples, samplesSince(nowNanos))) : timestamp;
            relayOffset = first - source.timestamp();
            relaying = true;
            relayedSsrc = source.ssrc();
            marker = true;
        }
        send(target, marker, payloadType, (source.timestamp() + relayOffset) & TIMESTAMP_MASK, payload, samples,
                nowNanos);
    }

    private void send(InetSocketAddress target, boolean marker, int payloadType, long packetTimestamp,
            byte[] payload, int samples, long nowNanos) {
        RtpPacket packet = new RtpPacket(marker, payloadType, nextSequence, packetTimestamp, ssrc, payload);
        nextSequence = (nextSequence + 1) & 0xFFFF;
        if (((packetTimestamp - timestamp) & TIMESTAMP_MASK) < 1L << 31) {
            timestamp = packetTimestamp; // not the older start of a telephone event
        }
        if (samples > 0) {
            lastSamples = samples;
        }
        started = true;
        lastSentNanos = nowNanos;
        buffer.clear();
        packet.writeTo(buffer);
        buffer.flip();
        try {
            // a non-blocking channel whose send buffer is full sends nothing and says so with 0
            if (channel.send(buffer, target) > 0) {
                packetsSent++;
            } else {
                sendFailures++;
            }
        } catch (IOException e) {
            sendFailures++;
        }
    }

    private long samplesSince(long nowNanos) {
        return Math.max(0, (nowNanos - lastSentNanos) / NANOS_PER_SAMPLE);
    }

    private static long roundToFrames(long samples) {
        return (samples + Codec.FRAME_SAMPLES / 2) / Codec.FRAME_SAMPLES * Codec.FRAME_SAMPLES;
    }

    private static long advance(long timestamp, long samples) {
        return (timestamp + samples) & TIMESTAMP_MASK;
    }

    long ssrc() {
        return ssrc;
    }

    synchronized long packetsSent() {
        return packetsSent;
    }

    synchronized long sendFailures() {
        return sendFailures;
    }
}
