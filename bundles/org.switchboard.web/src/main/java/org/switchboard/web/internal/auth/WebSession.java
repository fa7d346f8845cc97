package org.switchboard.web.internal.auth;

import java.time.Instant;

/**
 * A console login: the id carried by the session cookie, the token state-changing requests must echo in the
 * {@code X-CSRF-Token} header, the user, and when it expires unless used.
 */
public record WebSession(String id, String csrfToken, WebUser user, Instant expiresAt) {

    WebSession touched(Instant newExpiry) {
        return new WebSession(id, csrfToken, user, newExpiry);
    }
}
