package org.switchboard.acd.internal;

import java.util.Comparator;
import java.util.TreeSet;

/** A queue's settings and the calls waiting in it, oldest first. Touched only on the decision thread. */
final class QueueLine {
    QueueSettings settings;
    final TreeSet<WaitingCall> waiting = new TreeSet<>(Comparator.comparingLong(c -> c.arrivalOrder));

    QueueLine(QueueSettings settings) {
        this.settings = settings;
    }

    String name() {
        return settings.name();
    }
}
