package org.switchboard.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.api.sip.SourceLockout;

/**
 * Failed authentications per source address, and the lockout of a source that fails {@code maxFailures} times
 * within {@code window}: it is then refused for {@code window} from its last failure.
 * <p>
 * Failures only age out: a successful authentication resets nothing, neither for its own source (else one known
 * password would let a source go on guessing others) nor for any other. At most {@code maxSources} sources are
 * tracked with failures and at most as many lockouts are kept; beyond that the least recently seen source, or
 * the oldest lockout, is forgotten, so that memory stays bounded whatever arrives. Thread-safe.
 */
final class LockoutTracker {
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures;
    private final Map<String, SourceLockout> lockouts;
    private int maxFailures;
    private Duration window;

    LockoutTracker(int maxFailures, Duration window, int maxSources, Clock clock) {
        if (maxSources < 1) {
            throw new IllegalArgumentException("maxSources must be at least 1");
        }
        this.clock = clock;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxSources;
            }
        };
        this.lockouts = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SourceLockout> eldest) {
                return size() > maxSources;
            }
        };
        configure(maxFailures, window);
    }

    /** New threshold and window; lockouts in force keep their end, failures recorded so far are kept. */
    synchronized void configure(int newMaxFailures, Duration newWindow) {
        if (newMaxFailures < 1 || newWindow.isNegative() || newWindow.isZero()) {
            throw new IllegalArgumentException("at least one failure and a positive window");
        }
        maxFailures = newMaxFailures;
        window = newWindow;
    }

    synchronized boolean isLockedOut(String source) {
        SourceLockout lockout = lockouts.get(source);
        if (lockout == null) {
            return false;
        }
        if (!clock.instant().isBefore(lockout.until())) {
            lockouts.remove(source);
            return false;
        }
        return true;
    }

    /** Counts a failed authentication; returns the lockout when this failure locks the source out. */
    synchronized Optional<SourceLockout> recordFailure(String source) {
        if (isLockedOut(source)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        Instant oldestCounted = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestCounted)) {
            recent.removeFirst();
        }
        recent.addLast(now);
        while (recent.size() > maxFailures) {
            recent.removeFirst();
        }
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        failures.remove(source);
        SourceLockout lockout = new SourceLockout(source, maxFailures, now.plus(window));
        lockouts.put(source, lockout);
        return Optional.of(lockout);
    }

    /** The lockouts in force, by source. */
    synchronized List<SourceLockout> lockouts() {
        Instant now = clock.instant();
        for (Iterator<SourceLockout> it = lockouts.values().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().until())) {
                it.remove();
            }
        }
        return lockouts.values().stream().sorted(Comparator.comparing(SourceLockout::source)).toList();
    }

    /**
     * Lifts the lockout of a source and forgets its recent failures; true when it was locked out.
     */
    synchronized boolean clear(String source) {
        failures.remove(source);
        boolean wasLockedOut = isLockedOut(source);
        lockouts.remove(source);
        return wasLockedOut;
    }

    synchronized long windowMinutes() {
        return window.toMinutes();
    }

    /** Sources with failures tracked now (bounded). */
    synchronized int trackedSources() {
        return failures.size();
    }
}
