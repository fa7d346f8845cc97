package org.switchboard.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest nonce count accepted for each live nonce, so that an answer to a digest challenge is accepted
 * once. Bounded: the oldest nonces are forgotten first (expired ones, then, when more nonces are in use than the
 * capacity, the least recently issued — a forgotten nonce's answers are refused like a stale nonce's).
 */
final class NonceCounts {
    static final int DEFAULT_CAPACITY = 50_000;

    private record Use(long count, long firstUsedMillis) {
    }

    private final long lifetimeMillis;
    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Use> uses = new LinkedHashMap<>();

    NonceCounts(Duration lifetime, int capacity, Clock clock) {
        this.lifetimeMillis = lifetime.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * Records an accepted answer with this nonce and count; false when it is a replay: the count is not higher
     * than one accepted before (0 stands for "no count": such a nonce is good once), or it is negative.
     */
    synchronized boolean firstUse(String nonce, long count) {
        if (count < 0) {
            return false;
        }
        long now = clock.millis();
        forgetExpired(now);
        Use previous = uses.get(nonce);
        if (previous != null && count <= previous.count()) {
            return false;
        }
        uses.put(nonce, new Use(count, previous == null ? now : previous.firstUsedMillis()));
        if (uses.size() > capacity) {
            Iterator<String> oldest = uses.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return uses.size();
    }

    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Use>> entries = uses.entrySet().iterator();
        while (entries.hasNext()) {
            if (now - entries.next().getValue().firstUsedMillis() <= lifetimeMillis) {
                return;
            }
            entries.remove();
        }
    }
}
