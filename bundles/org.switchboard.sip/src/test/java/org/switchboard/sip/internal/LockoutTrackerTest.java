package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.api.sip.SourceLockout;

public class LockoutTrackerTest {
    private final FakeTime time = new FakeTime();
    private final LockoutTracker tracker = new LockoutTracker(3, Duration.ofMinutes(10), 1000, time);

    @Test
    public void sourceIsLockedOutAtTheThresholdUntilTheWindowHasPassed() {
        assertTrue(tracker.recordFailure("192.0.2.1").isEmpty());
        time.advance(Duration.ofMinutes(1));
        assertTrue(tracker.recordFailure("192.0.2.1").isEmpty());
        assertFalse(tracker.isLockedOut("192.0.2.1"));
        time.advance(Duration.ofMinutes(1));

        Optional<SourceLockout> lockout = tracker.recordFailure("192.0.2.1");

        SourceLockout expected = new SourceLockout("192.0.2.1", 3, time.instant().plus(Duration.ofMinutes(10)));
        assertEquals(Optional.of(expected), lockout);
        assertTrue(tracker.isLockedOut("192.0.2.1"));
        assertEquals(List.of(expected), tracker.lockouts());

        time.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(tracker.isLockedOut("192.0.2.1"));
        time.advance(Duration.ofSeconds(1));
        assertFalse("the lockout ends on its own", tracker.isLockedOut("192.0.2.1"));
        assertEquals(List.of(), tracker.lockouts());
        assertTrue("and it starts afresh", tracker.recordFailure("192.0.2.1").isEmpty());
    }

    @Test
    public void failuresOlderThanTheWindowNoLongerCount() {
        tracker.recordFailure("192.0.2.1");
        tracker.recordFailure("192.0.2.1");
        time.advance(Duration.ofMinutes(10));

        assertTrue(tracker.recordFailure("192.0.2.1").isEmpty());
        assertTrue(tracker.recordFailure("192.0.2.1").isEmpty());
        assertFalse(tracker.isLockedOut("192.0.2.1"));
        assertTrue(tracker.recordFailure("192.0.2.1").isPresent());
    }

    @Test
    public void otherSourcesAreNeitherCountedTogetherNorLockedOut() {
        tracker.recordFailure("192.0.2.1");
        tracker.recordFailure("192.0.2.2");
        tracker.recordFailure("192.0.2.3");
        assertEquals(List.of(), tracker.lockouts());

        tracker.recordFailure("192.0.2.1");
        tracker.recordFailure("192.0.2.1");
        assertTrue(tracker.isLockedOut("192.0.2.1"));
        assertFalse(tracker.isLockedOut("192.0.2.2"));
    }

    @Test
    public void clearLiftsTheLockoutAndForgetsTheFailures() {
        for (int i = 0; i < 3; i++) {
            tracker.recordFailure("192.0.2.1");
        }
        tracker.recordFailure("192.0.2.2");
        tracker.recordFailure("192.0.2.2");

        assertTrue(tracker.clear("192.0.2.1"));
        assertFalse(tracker.isLockedOut("192.0.2.1"));
        assertFalse("not locked out, but its failures are forgotten", tracker.clear("192.0.2.2"));
        tracker.recordFailure("192.0.2.2");
        assertFalse(tracker.isLockedOut("192.0.2.2"));
        assertFalse(tracker.clear("198.51.100.1"));
    }

    @Test
    public void newThresholdAppliesToTheNextFailure() {
        tracker.recordFailure("192.0.2.1");
        tracker.configure(2, Duration.ofMinutes(1));

        SourceLockout lockout = tracker.recordFailure("192.0.2.1").orElseThrow();

        assertEquals(2, lockout.failures());
        assertEquals(time.instant().plus(Duration.ofMinutes(1)), lockout.until());
    }

    @Test
    public void memoryStaysBoundedWhateverTheNumberOfSources() {
        LockoutTracker small = new LockoutTracker(1, Duration.ofMinutes(10), 50, time);
        LockoutTracker counting = new LockoutTracker(2, Duration.ofMinutes(10), 50, time);
        for (int i = 0; i < 5000; i++) {
            small.recordFailure("10.0." + (i / 250) + "." + (i % 250));
            counting.recordFailure("10.0." + (i / 250) + "." + (i % 250));
        }
        assertEquals(50, small.lockouts().size());
        assertTrue(small.isLockedOut("10.0.19.249"));
        assertFalse("the oldest lockouts made room", small.isLockedOut("10.0.0.0"));
        assertEquals(50, counting.trackedSources());
    }
}
