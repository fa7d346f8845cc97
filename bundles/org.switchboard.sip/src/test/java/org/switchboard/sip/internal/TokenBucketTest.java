package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TokenBucketTest {
    private final FakeTime time = new FakeTime();

    @Test
    public void fullBucketLetsTheBurstThroughThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(5, 5, time.getAsLong());

        assertEquals(5, takeAll(bucket));
        time.advanceMillis(199);
        assertFalse("not yet a whole token after 199 ms at 5/s", bucket.tryTake(time.getAsLong()));
        time.advanceMillis(1);
        assertTrue(bucket.tryTake(time.getAsLong()));
        time.advanceMillis(10_000);
        assertEquals("never more than the burst however long it rests", 5, takeAll(bucket));
    }

    @Test
    public void reconfiguredBucketKeepsItsTokensUpToTheNewBurst() {
        TokenBucket bucket = new TokenBucket(10, 10, time.getAsLong());
        bucket.reconfigure(2, 2, time.getAsLong());
        assertEquals(2, takeAll(bucket));
        time.advanceMillis(500);
        assertEquals("2/s: one token in 500 ms", 1, takeAll(bucket));
        assertFalse(bucket.isFull(time.getAsLong()));
        time.advanceMillis(1000);
        assertTrue(bucket.isFull(time.getAsLong()));
    }

    private int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake(time.getAsLong())) {
            taken++;
        }
        return taken;
    }
}
