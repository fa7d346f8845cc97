package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

public class NonceCountsTest {
    private final FakeTime time = new FakeTime();

    @Test
    public void eachCountIsAcceptedOnceAndOnlyUpwards() {
        NonceCounts counts = new NonceCounts(Duration.ofMinutes(5), 10, time);

        assertTrue(counts.firstUse("n1", 1));
        assertFalse(counts.firstUse("n1", 1));
        assertTrue(counts.firstUse("n1", 3));
        assertFalse("a lower count after a higher one is a replay", counts.firstUse("n1", 2));
        assertTrue("another nonce has counts of its own", counts.firstUse("n2", 1));
        assertFalse("a count that is not a number never passes", counts.firstUse("n3", -1));
    }

    @Test
    public void expiredNoncesAreForgottenAndTheTableNeverGrowsPastItsCapacity() {
        NonceCounts counts = new NonceCounts(Duration.ofMinutes(5), 3, time);
        counts.firstUse("old", 1);
        time.advance(Duration.ofMinutes(6));
        counts.firstUse("a", 1);
        assertEquals("the expired nonce is gone", 1, counts.size());

        counts.firstUse("b", 1);
        counts.firstUse("c", 1);
        counts.firstUse("d", 1);
        assertEquals(3, counts.size());
        assertTrue("the oldest nonce was dropped: its next use looks new (and the authenticator's own expiry "
                + "check still refuses it once it is too old)", counts.firstUse("a", 1));
    }
}
