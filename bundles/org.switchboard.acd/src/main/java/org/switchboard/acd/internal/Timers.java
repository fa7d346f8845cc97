package org.switchboard.acd.internal;

import java.time.Duration;

/** Runs a task later on the distributor's decision thread. */
interface Timers {

    Timer schedule(Duration delay, Runnable task);

    interface Timer {
        void cancel();
    }
}
