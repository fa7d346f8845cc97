package org.switchboard.ivr.internal;

import java.time.Duration;
import java.util.concurrent.Executor;

/** Where the steps of running flows execute, now or after a delay; shared by all calls. */
interface FlowTimers extends Executor {

    Timer schedule(Duration delay, Runnable task);

    interface Timer {
        void cancel();
    }
}
