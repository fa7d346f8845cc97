package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;

import org.junit.Test;

public class LogThrottleTest {
    private final FakeTime time = new FakeTime();
    private final LogThrottle throttle = new LogThrottle(Duration.ofSeconds(10), time);

    @Test
    public void logsTheFirstEventThenOneAnIntervalSayingHowManyWereLeftOut() {
        assertEquals(0, throttle.permit("NOT_A_TRUNK"));
        for (int i = 0; i < 999; i++) {
            time.advanceMillis(5);
            assertEquals(LogThrottle.SUPPRESSED, throttle.permit("NOT_A_TRUNK"));
        }
        time.advance(Duration.ofSeconds(10));

        assertEquals(999, throttle.permit("NOT_A_TRUNK"));
        assertEquals(LogThrottle.SUPPRESSED, throttle.permit("NOT_A_TRUNK"));
        time.advance(Duration.ofSeconds(10));
        assertEquals(1, throttle.permit("NOT_A_TRUNK"));
    }

    @Test
    public void loggedLineSaysHowManyWereLeftOutAndInWhatTime() {
        assertEquals("", throttle.leftOut(0));
        assertEquals(" (42 more like it not logged in the last 10 s)", throttle.leftOut(42));
    }

    @Test
    public void eachKindOfEventHasItsOwnAllowance() {
        assertEquals(0, throttle.permit("NOT_A_TRUNK"));
        assertEquals(0, throttle.permit("TOO_FAST"));
        assertEquals(LogThrottle.SUPPRESSED, throttle.permit("TOO_FAST"));
    }
}
