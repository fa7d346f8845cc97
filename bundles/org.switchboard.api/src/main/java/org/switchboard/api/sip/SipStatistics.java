package org.switchboard.api.sip;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** What the SIP edge has received and answered since it started, for monitoring (counters only grow). */
@ProviderType
public interface SipStatistics {

    /** Requests received, by method (INVITE, REGISTER, ...; unknown methods as they came). */
    Map<String, Long> requestsReceived();

    /** Final and provisional responses sent, by status code. */
    Map<Integer, Long> responsesSent();

    /**
     * TCP and TLS connections closed because they sent nothing within the first-byte time (scanners, half-open
     * health checks, or an attack that tries to use the connection places up); 0 from an edge older than 1.3.
     *
     * @since 1.3
     */
    default long silentConnectionsClosed() {
        return 0;
    }

    /**
     * Parties of calls (callers, agents, dialled numbers) that the server hung up because their phone sent no RTP
     * for the media timeout; 0 from an edge older than 1.3.
     *
     * @since 1.3
     */
    default long partiesHungUpForNoMedia() {
        return 0;
    }
}
