package org.switchboard.ivr.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Flow timers for tests: steps run at once on the test's thread; timers fire when the test lets time pass. */
final class ManualTimers implements FlowTimers {
    private Duration now = Duration.ZERO;
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Duration due, Runnable task) {
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        Pending timer = new Pending(now.plus(delay), task);
        pending.add(timer);
        return () -> pending.remove(timer);
    }

    /** Lets {@code time} pass, firing the timers that fall due in it, in order. */
    void elapse(Duration time) {
        Duration until = now.plus(time);
        while (true) {
            Optional<Pending> next = pending.stream().filter(p -> p.due().compareTo(until) <= 0)
                    .min(Comparator.comparing(Pending::due));
            if (next.isEmpty()) {
                break;
            }
            pending.remove(next.get());
            now = next.get().due();
            next.get().task().run();
        }
        now = until;
    }

    void elapseSeconds(long seconds) {
        elapse(Duration.ofSeconds(seconds));
    }

    int pendingTimers() {
        return pending.size();
    }
}
