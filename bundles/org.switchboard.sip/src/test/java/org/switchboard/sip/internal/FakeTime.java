package org.switchboard.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/** A clock the test moves by hand: both wall time ({@link Clock}) and a monotonic nanosecond counter. */
final class FakeTime extends Clock implements LongSupplier {
    static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private long nanos = 1_000_000_000L;

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    @Override
    public long getAsLong() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return START.plusNanos(nanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
