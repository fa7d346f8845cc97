package org.switchboard.sip.internal;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond} tokens a second; each admitted
 * event takes one. Time is passed in (nanoseconds of a monotonic clock) so that the bucket is pure. Not
 * thread-safe: its owner serializes access.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private double perSecond;
    private double burst;
    private double tokens;
    private long refilledAt;

    /** A full bucket. */
    TokenBucket(int perSecond, int burst, long now) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Takes a token if there is one. */
    boolean tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** New rate and burst; the tokens held are kept, up to the new burst. */
    void reconfigure(int newPerSecond, int newBurst, long now) {
        if (newPerSecond < 1 || newBurst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        refill(now);
        perSecond = newPerSecond;
        burst = newBurst;
        tokens = Math.min(tokens, burst);
    }

    /** Whether the bucket is full at {@code now}: it then holds no information worth keeping. */
    boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / NANOS_PER_SECOND * perSecond);
            refilledAt = now;
        }
    }
}
