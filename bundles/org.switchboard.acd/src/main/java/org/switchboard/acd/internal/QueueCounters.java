package org.switchboard.acd.internal;

import java.time.Duration;

import org.switchboard.api.acd.QueueKpis;

/** Counts a queue's calls as their events happen; read as {@link QueueKpis}. Decision thread only. */
final class QueueCounters {
    private long offered;
    private long answered;
    private long abandoned;
    private long noAgent;
    private long withinServiceLevel;
    private Duration waitOfAnswered = Duration.ZERO;
    private long handled;
    private Duration handling = Duration.ZERO;

    void entered() {
        offered++;
    }

    void answered(Duration waited, Duration serviceLevel) {
        answered++;
        waitOfAnswered = waitOfAnswered.plus(waited);
        if (waited.compareTo(serviceLevel) <= 0) {
            withinServiceLevel++;
        }
    }

    void abandoned() {
        abandoned++;
    }

    void releasedWithoutAgent() {
        noAgent++;
    }

    /** An answered call is over, wrap-up included. */
    void handled(Duration talkHoldAndWrapUp) {
        handled++;
        handling = handling.plus(talkHoldAndWrapUp);
    }

    QueueKpis kpis() {
        return new QueueKpis(offered, answered, abandoned, noAgent, withinServiceLevel, waitOfAnswered, handled,
                handling);
    }
}
