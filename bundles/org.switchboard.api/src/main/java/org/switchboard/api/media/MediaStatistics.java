package org.switchboard.api.media;

/**
 * Counters of one leg.
 *
 * @param packetsSent     RTP packets sent to the remote party
 * @param packetsReceived RTP packets received from it
 * @param packetsLost     packets missing from the received sequence
 * @param jitterMillis    interarrival jitter of the received stream (RFC 3550), in milliseconds
 * @param codec           the codec in use ("PCMU", "PCMA"), or empty before it is known
 */
public record MediaStatistics(long packetsSent, long packetsReceived, long packetsLost, double jitterMillis,
        String codec) {
}
