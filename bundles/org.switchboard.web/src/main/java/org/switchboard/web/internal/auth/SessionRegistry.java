package org.switchboard.web.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.web.internal.WebConfiguration;


/**
 * The console's sessions, in memory (a restart logs everyone out). A session expires after the configured idle
 * time; each use extends it. Ids and CSRF tokens are 256 random bits.
 */
@Component(service = SessionRegistry.class)
public final class SessionRegistry {
    private static final int TOKEN_BYTES = 32;

    private final Clock clock;
    private final Supplier<Duration> idleLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    @Activate
    public SessionRegistry(@Reference WebConfiguration configuration) {
        this(Clock.systemUTC(), () -> configuration.current().sessionIdle());
    }

    public SessionRegistry(Clock clock, Supplier<Duration> idleLifetime) {
        this.clock = clock;
        this.idleLifetime = idleLifetime;
    }

    public WebSession open(WebUser user) {
        purgeExpired();
        WebSession session = new WebSession(token(), token(), user, clock.instant().plus(idleLifetime.get()));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, extended; empty when unknown or expired. */
    public Optional<WebSession> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WebSession found = sessions.computeIfPresent(id,
                (key, session) -> session.expiresAt().isAfter(now) ? session.touched(now.plus(idleLifetime.get()))
                        : null);
        return Optional.ofNullable(found);
    }

    /** Whether the session is still live, without extending it (for long-lived event streams). */
    public boolean isLive(String id) {
        WebSession session = sessions.get(id);
        return session != null && session.expiresAt().isAfter(clock.instant());
    }

    public void close(String id) {
        sessions.remove(id);
    }

    /** Whether the token a request carries is the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(WebSession session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
