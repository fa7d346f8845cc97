package org.switchboard.sip.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Whether the server takes one more call: at most {@code maxConcurrentCalls} at once and
 * {@code maxCallsPerSecond} new ones a second (a token bucket with a burst of the same size). The count of calls
 * in progress is an O(1) counter: the bridge takes a place with {@link #tryAdmit()} when an INVITE starts a call
 * and gives it back with {@link #ended()} exactly once when the call ends. Thread-safe.
 */
final class CallAdmission {

    enum Verdict {
        ADMITTED,
        /** {@code maxConcurrentCalls} calls are in progress. */
        TOO_MANY_CALLS,
        /** {@code maxCallsPerSecond} is used up for now. */
        TOO_MANY_CALLS_PER_SECOND
    }

    private final LongSupplier nanoTime;
    private final AtomicInteger active = new AtomicInteger();
    private final TokenBucket rate;
    private int maxConcurrentCalls;

    CallAdmission(int maxConcurrentCalls, int maxCallsPerSecond, LongSupplier nanoTime) {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
        }
        this.nanoTime = nanoTime;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.rate = new TokenBucket(maxCallsPerSecond, maxCallsPerSecond, nanoTime.getAsLong());
    }

    /** New limits; calls in progress are kept even when there are more than the new maximum. */
    synchronized void configure(int newMaxConcurrentCalls, int newMaxCallsPerSecond) {
        if (newMaxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
        }
        maxConcurrentCalls = newMaxConcurrentCalls;
        rate.reconfigure(newMaxCallsPerSecond, newMaxCallsPerSecond, nanoTime.getAsLong());
    }

    /** Takes a place for a new call, or says which limit refuses it. */
    synchronized Verdict tryAdmit() {
        if (active.get() >= maxConcurrentCalls) {
            return Verdict.TOO_MANY_CALLS;
        }
        if (!rate.tryTake(nanoTime.getAsLong())) {
            return Verdict.TOO_MANY_CALLS_PER_SECOND;
        }
        active.incrementAndGet();
        return Verdict.ADMITTED;
    }

    /** Gives back the place of a call that ended (or of an admitted INVITE that did not become a call). */
    void ended() {
        active.updateAndGet(n -> n > 0 ? n - 1 : 0);
    }

    int activeCalls() {
        return active.get();
    }
}
