package org.switchboard.api.media;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives the audio a leg receives (see {@link MediaLeg#tapReceived(AudioTap)}). It is called in the media
 * server's receive thread, which serves every call: it must return at once (hand the frame to a queue of its own,
 * never block, never wait for a lock held while doing I/O). A tap that throws is logged and kept.
 *
 * @since 1.1
 */
@FunctionalInterface
@ConsumerType
public interface AudioTap {

    /**
     * One received frame.
     *
     * @param samples       16-bit samples at 8 kHz (usually 160: 20 ms); the tap may keep the array but must not
     *                      change it (other taps may share it)
     * @param receivedNanos {@link System#nanoTime()} when the packet was received
     */
    void frame(short[] samples, long receivedNanos);

    /** A tap in place; {@link #remove()} takes it away. */
    @FunctionalInterface
    @ProviderType
    interface Registration {
        /** Stops giving frames to the tap; removing twice does nothing. */
        void remove();
    }
}
