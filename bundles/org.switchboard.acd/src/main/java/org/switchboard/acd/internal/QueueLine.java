package org.switchboard.acd.internal;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * A queue's settings, the calls waiting in it (higher priority first, then in order of arrival) and its
 * counters. Touched only on the decision thread.
 */
final class QueueLine {
    /** Who is served first: higher priority, then earlier arrival. Also orders heads of different queues. */
    static final Comparator<WaitingCall> SERVICE_ORDER = Comparator.comparingInt((WaitingCall c) -> -c.priority)
            .thenComparingLong(c -> c.arrivalOrder);

    private static final int RECENT_CALLS = 20;

    QueueSettings settings;
    final TreeSet<WaitingCall> waiting = new TreeSet<>(SERVICE_ORDER);
    QueueCounters counters = new QueueCounters();
    /** Talk and wrap-up of the last calls handled, for the estimated wait; kept across days, unlike counters. */
    final RecentDurations recentHandling = new RecentDurations(RECENT_CALLS);
    /** Waits of the last calls answered. */
    final RecentDurations recentWaits = new RecentDurations(RECENT_CALLS);

    QueueLine(QueueSettings settings) {
        this.settings = settings;
    }

    String name() {
        return settings.name();
    }
}
