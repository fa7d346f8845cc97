package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.sip.internal.RateLimiter.Verdict.ALLOWED;
import static org.switchboard.sip.internal.RateLimiter.Verdict.DROPPED;
import static org.switchboard.sip.internal.RateLimiter.Verdict.REFUSED;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class RateLimiterTest {
    private final FakeTime time = new FakeTime();

    @Test
    public void sourceOverItsRateIsRefusedThenDroppedAndComesBackAsTokensRefill() {
        RateLimiter limiter = new RateLimiter(3, 100, time);

        assertEquals(List.of(ALLOWED, ALLOWED, ALLOWED, REFUSED, REFUSED, REFUSED, DROPPED, DROPPED),
                verdicts(limiter, "192.0.2.1", 8));

        time.advanceMillis(334);
        assertEquals("one request token and one refusal token back after a third of a second",
                List.of(ALLOWED, REFUSED, DROPPED), verdicts(limiter, "192.0.2.1", 3));
        time.advanceMillis(1000);
        assertEquals(List.of(ALLOWED, ALLOWED, ALLOWED, REFUSED), verdicts(limiter, "192.0.2.1", 4));
    }

    @Test
    public void eachSourceHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 100, time);

        assertEquals(List.of(ALLOWED, REFUSED), verdicts(limiter, "192.0.2.1", 2));
        assertEquals(List.of(ALLOWED, REFUSED), verdicts(limiter, "192.0.2.2", 2));
    }

    @Test
    public void floodFromManyForgedAddressesKeepsOnlyTheMostRecentSources() {
        RateLimiter limiter = new RateLimiter(1, 3, time);
        assertEquals(List.of(ALLOWED, REFUSED), verdicts(limiter, "victim", 2));

        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("203.0.113." + (i % 250) + "/" + i);
            assertTrue(limiter.trackedSources() <= 3);
        }
        assertEquals("the forgotten source starts again with a full bucket", List.of(ALLOWED, REFUSED),
                verdicts(limiter, "victim", 2));
    }

    @Test
    public void recentlySeenSourceIsNotTheOneForgotten() {
        RateLimiter limiter = new RateLimiter(1, 2, time);
        verdicts(limiter, "busy", 2);
        limiter.acquire("other-1");
        limiter.acquire("busy");
        limiter.acquire("other-2");

        assertEquals("busy was used more recently than other-1, so it kept its empty bucket", DROPPED,
                limiter.acquire("busy"));
    }

    private static List<RateLimiter.Verdict> verdicts(RateLimiter limiter, String source, int requests) {
        List<RateLimiter.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            verdicts.add(limiter.acquire(source));
        }
        return verdicts;
    }
}
