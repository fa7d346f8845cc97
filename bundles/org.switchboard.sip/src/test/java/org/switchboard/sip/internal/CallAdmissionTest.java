package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.sip.internal.CallAdmission.Verdict.ADMITTED;
import static org.switchboard.sip.internal.CallAdmission.Verdict.TOO_MANY_CALLS;
import static org.switchboard.sip.internal.CallAdmission.Verdict.TOO_MANY_CALLS_PER_SECOND;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

public class CallAdmissionTest {
    private final FakeTime time = new FakeTime();

    @Test
    public void admitsUpToTheConcurrentLimitAndAgainOnceACallEnds() {
        CallAdmission admission = new CallAdmission(2, 100, time);

        assertEquals(List.of(ADMITTED, ADMITTED, TOO_MANY_CALLS), attempts(admission, 3));
        assertEquals(2, admission.activeCalls());
        admission.ended();
        assertEquals(List.of(ADMITTED, TOO_MANY_CALLS), attempts(admission, 2));
    }

    @Test
    public void admitsTheBurstThenTheRatePerSecond() {
        CallAdmission admission = new CallAdmission(1000, 5, time);

        assertEquals(List.of(ADMITTED, ADMITTED, ADMITTED, ADMITTED, ADMITTED, TOO_MANY_CALLS_PER_SECOND),
                attempts(admission, 6));
        time.advanceMillis(200);
        assertEquals(List.of(ADMITTED, TOO_MANY_CALLS_PER_SECOND), attempts(admission, 2));
        time.advanceMillis(1000);
        assertEquals("recovers on its own as soon as the load drops", 5,
                attempts(admission, 10).stream().filter(v -> v == ADMITTED).count());
    }

    @Test
    public void aRefusalForTooManyCallsDoesNotUseUpTheRate() {
        CallAdmission admission = new CallAdmission(1, 2, time);
        assertEquals(List.of(ADMITTED, TOO_MANY_CALLS, TOO_MANY_CALLS, TOO_MANY_CALLS), attempts(admission, 4));
        admission.ended();

        assertEquals(List.of(ADMITTED), attempts(admission, 1));
    }

    @Test
    public void newLimitsApplyAtOnceAndKeepTheCallsInProgress() {
        CallAdmission admission = new CallAdmission(10, 10, time);
        attempts(admission, 4);

        admission.configure(3, 10);

        assertEquals(4, admission.activeCalls());
        assertEquals(List.of(TOO_MANY_CALLS), attempts(admission, 1));
        admission.ended();
        admission.ended();
        assertEquals(List.of(ADMITTED, TOO_MANY_CALLS), attempts(admission, 2));
        admission.configure(10, 1);
        assertEquals("the rate's tokens are capped at the new burst", List.of(ADMITTED, TOO_MANY_CALLS_PER_SECOND),
                attempts(admission, 2));
    }

    @Test
    public void countNeverGoesBelowZero() {
        CallAdmission admission = new CallAdmission(1, 10, time);
        admission.ended();
        assertEquals(0, admission.activeCalls());
        assertEquals(List.of(ADMITTED, TOO_MANY_CALLS), attempts(admission, 2));
    }

    @Test
    public void countStaysExactAndWithinTheLimitWhenThreadsRace() throws Exception {
        CallAdmission admission = new CallAdmission(20, 1_000_000, System::nanoTime);
        AtomicInteger highest = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 5000; i++) {
                    if (admission.tryAdmit() == ADMITTED) {
                        admitted.incrementAndGet();
                        highest.accumulateAndGet(admission.activeCalls(), Math::max);
                        admission.ended();
                    }
                }
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        threads.shutdown();

        assertEquals(0, admission.activeCalls());
        assertTrue(highest.get() <= 20);
        assertTrue(admitted.get() > 0);
    }

    private static List<CallAdmission.Verdict> attempts(CallAdmission admission, int count) {
        List<CallAdmission.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            verdicts.add(admission.tryAdmit());
        }
        return verdicts;
    }
}
