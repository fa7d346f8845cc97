package org.switchboard.api.sip;

import java.time.Instant;

/**
 * Where a phone is registered.
 *
 * @param user      the SIP user (e.g. the agent's extension)
 * @param contact   the contact URI to send requests to
 * @param expiresAt when the registration expires unless refreshed
 */
public record PhoneRegistration(String user, String contact, Instant expiresAt) {

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
