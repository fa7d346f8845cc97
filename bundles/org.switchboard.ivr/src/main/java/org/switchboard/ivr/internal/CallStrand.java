package org.switchboard.ivr.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the steps of one call one at a time, in the order they were handed in, on a shared executor: a key
 * press, the end of a prompt and a timeout of the same call never race. A step that throws is handed to the
 * failure handler; nothing escapes to the thread that handed the step in (media threads, timers).
 */
final class CallStrand {
    private final Executor executor;
    private final Consumer<RuntimeException> onFailure;
    private final Queue<Runnable> steps = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    CallStrand(Executor executor, Consumer<RuntimeException> onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    void execute(Runnable step) {
        steps.add(step);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable step;
            while ((step = steps.poll()) != null) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                }
            }
        } finally {
            draining.set(false);
            // a step handed in between the last poll and the reset above must not wait for the next one
            if (!steps.isEmpty() && draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }
    }
}
