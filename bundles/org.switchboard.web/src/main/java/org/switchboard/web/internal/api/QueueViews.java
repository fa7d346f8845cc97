package org.switchboard.web.internal.api;

import org.switchboard.api.acd.QueueStatus;

/** The API's JSON shape of a queue, for the live events too. */
public final class QueueViews {

    private QueueViews() {
    }

    public static Object of(QueueStatus status) {
        return Views.queue(status);
    }
}
