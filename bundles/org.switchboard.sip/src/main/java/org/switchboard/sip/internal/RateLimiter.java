package org.switchboard.sip.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests per second per source, as a token bucket per source (burst of the same size as the rate).
 * <p>
 * A source over its rate is first refused (the caller answers 503 with Retry-After); the refusals are themselves
 * limited to the same rate, and what a source sends beyond that is dropped without an answer, so that a flood
 * never makes the server send more than twice the allowed rate back.
 * <p>
 * At most {@code maxSources} sources are tracked; beyond that the least recently seen one is forgotten (it
 * starts again with a full bucket), so that a flood from many forged addresses cannot use up the memory.
 * Thread-safe.
 */
final class RateLimiter {

    enum Verdict {
        /** Within the rate: go on. */
        ALLOWED,
        /** Over the rate: answer that the server is busy. */
        REFUSED,
        /** Far over the rate: do not answer at all. */
        DROPPED
    }

    private static final class Source {
        final TokenBucket requests;
        final TokenBucket refusals;

        Source(int perSecond, long now) {
            requests = new TokenBucket(perSecond, perSecond, now);
            refusals = new TokenBucket(perSecond, perSecond, now);
        }
    }

    private final int perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Source> sources;

    RateLimiter(int perSecond, int maxSources, LongSupplier nanoTime) {
        if (perSecond < 1 || maxSources < 1) {
            throw new IllegalArgumentException("rate and number of sources must be at least 1");
        }
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sources = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
                return size() > maxSources;
            }
        };
    }

    int perSecond() {
        return perSecond;
    }

    synchronized Verdict acquire(String source) {
        long now = nanoTime.getAsLong();
        Source state = sources.computeIfAbsent(source, s -> new Source(perSecond, now));
        if (state.requests.tryTake(now)) {
            return Verdict.ALLOWED;
        }
        return state.refusals.tryTake(now) ? Verdict.REFUSED : Verdict.DROPPED;
    }

    /** How many sources are tracked now (never more than the bound given at construction). */
    synchronized int trackedSources() {
        return sources.size();
    }
}
