package org.switchboard.recording;

import java.time.Instant;

/**
 * Which recordings to list; {@code null} leaves a criterion out.
 *
 * @param queue  only the calls of this queue
 * @param agentId only the calls this agent answered
 * @param since  only recordings started at or after this
 * @param before only recordings started before this
 * @param limit  at most this many, newest first
 */
public record RecordingQuery(String queue, String agentId, Instant since, Instant before, int limit) {

    public RecordingQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** The newest {@code limit} recordings. */
    public static RecordingQuery newest(int limit) {
        return new RecordingQuery(null, null, null, null, limit);
    }
}
