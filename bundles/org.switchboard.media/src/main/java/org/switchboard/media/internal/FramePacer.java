package org.switchboard.media.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that sends what every leg plays: it ticks every 20 ms, at times computed from its start (so a
 * late tick does not delay the next ones: no drift), and runs the ticks it missed at once, up to
 * {@link #MAX_CATCH_UP} of them; after a longer stall (a long GC pause, a suspended machine) it skips to the
 * present rather than sending a burst.
 */
final class FramePacer {
    private static final Logger LOG = LoggerFactory.getLogger(FramePacer.class);
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    static final int MAX_CATCH_UP = 10;

    private final LongConsumer tick;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param tick called with {@link System#nanoTime()} at each tick, on the pacing thread */
    FramePacer(String threadName, LongConsumer tick) {
        this.tick = tick;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long start = System.nanoTime();
        long ticks = 0;
        while (running) {
            long now = System.nanoTime();
            long due = start + ticks * TICK_NANOS;
            if (now < due) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            long behind = (now - due) / TICK_NANOS;
            if (behind > MAX_CATCH_UP) {
                LOG.warn("media pacing was {} ms late; skipping {} frames", (now - due) / 1_000_000, behind);
                ticks += behind;
            }
            try {
                tick.accept(now);
            } catch (RuntimeException e) {
                LOG.error("media pacing tick: {}", e.toString(), e);
            }
            ticks++;
        }
    }
}
