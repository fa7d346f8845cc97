package org.switchboard.api.media;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens the server's RTP endpoints. Each endpoint is one leg of a call (the caller's, an agent's); the legs of
 * a call are relayed to each other with {@link MediaLeg#bridge(MediaLeg)}.
 */
@ProviderType
public interface MediaServer {

    /**
     * Answers a remote SDP offer (an INVITE's body) with an endpoint of the server's own.
     *
     * @param callId  the server's id of the call, for logs
     * @param legName which leg this is ("caller", or the agent's id), for logs
     * @param offer   the remote SDP
     * @throws MediaException when the offer is not valid SDP, has no audio codec in common with the server
     *                        (SIP 488), or no RTP port is free (SIP 503)
     */
    MediaLeg answer(String callId, String legName, String offer) throws MediaException;

    /**
     * Opens an endpoint that makes the SDP offer itself (the INVITE the server sends to an agent's phone); the
     * remote answer is given later with {@link MediaLeg#answered(String)}.
     *
     * @throws MediaException when no RTP port is free
     */
    MediaLeg offer(String callId, String legName) throws MediaException;

    /** Whether a prompt of that name can be played (see {@link MediaLeg#play}). */
    boolean hasPrompt(String name);

    /**
     * The legs of a call that are open now, in the order they were opened; empty when there is none (always, from
     * an implementation older than 1.1).
     *
     * @since 1.1
     */
    default List<MediaLeg> legsOf(String callId) {
        return List.of();
    }

    /** How many legs are open now. */
    int openLegs();
}
