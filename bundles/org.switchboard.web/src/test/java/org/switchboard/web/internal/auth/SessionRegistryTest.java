package org.switchboard.web.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.Test;

public class SessionRegistryTest {

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-03-10T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SessionRegistry sessions = new SessionRegistry(clock, () -> Duration.ofMinutes(30));
    private final WebUser agent = new WebUser("1001", Set.of(Role.AGENT));

    @Test
    public void eachSessionHasItsOwnUnguessableIdAndToken() {
        WebSession first = sessions.open(agent);
        WebSession second = sessions.open(agent);

        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertTrue(first.id().length() >= 43);
    }

    @Test
    public void aSessionExpiresWhenIdleAndUseExtendsIt() {
        WebSession session = sessions.open(agent);

        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(sessions.use(session.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(sessions.use(session.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertFalse(sessions.use(session.id()).isPresent());
        assertFalse(sessions.isLive(session.id()));
    }

    @Test
    public void aClosedSessionIsGone() {
        WebSession session = sessions.open(agent);

        sessions.close(session.id());

        assertTrue(sessions.use(session.id()).isEmpty());
    }

    @Test
    public void theTokenMustMatchExactly() {
        WebSession session = sessions.open(agent);

        assertTrue(SessionRegistry.csrfMatches(session, session.csrfToken()));
        assertFalse(SessionRegistry.csrfMatches(session, null));
        assertFalse(SessionRegistry.csrfMatches(session, session.csrfToken() + "x"));
        assertEquals(agent, sessions.use(session.id()).orElseThrow().user());
    }
}
