package org.switchboard.api.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to one call: who called which number, the queue and agent, the times it was offered,
 * answered and ended, and how it ended. Immutable; each change produces a new record.
 *
 * @param callId      the server's id of the call, unique and stable for its whole life
 * @param ani         the caller's number (user part of the From URI)
 * @param dnis        the number called (user part of the Request-URI)
 * @param queue       the queue the call waited in
 * @param agentId     the agent who was last offered or who answered the call, or {@code null}
 * @param state       where the call is now
 * @param disposition how the call ended, {@code null} until it has ended
 * @param arrivedAt   when the INVITE reached the server
 * @param offeredAt   when an agent was first offered the call, or {@code null}
 * @param answeredAt  when the agent answered, or {@code null}
 * @param endedAt     when the call ended, or {@code null}
 */
public record CallDetailRecord(String callId, String ani, String dnis, String queue, String agentId,
        CallState state, Disposition disposition, Instant arrivedAt, Instant offeredAt, Instant answeredAt,
        Instant endedAt) {

    public CallDetailRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(ani, "ani");
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        if ((state == CallState.ENDED) != (disposition != null)) {
            throw new IllegalArgumentException("a call has a disposition exactly when it has ended: " + state
                    + "/" + disposition);
        }
    }

    /** A call that has just arrived and waits in {@code queue}. */
    public static CallDetailRecord arrived(String callId, String ani, String dnis, String queue, Instant at) {
        return new CallDetailRecord(callId, ani, dnis, queue, null, CallState.QUEUED, null, at, null, null, null);
    }

    public CallDetailRecord offered(String agent, Instant at) {
        return new CallDetailRecord(callId, ani, dnis, queue, agent, CallState.OFFERED, null, arrivedAt,
                offeredAt == null ? at : offeredAt, null, null);
    }

    /** Back in the queue after an offer that was not answered; the agent offered last is kept. */
    public CallDetailRecord requeued() {
        return new CallDetailRecord(callId, ani, dnis, queue, agentId, CallState.QUEUED, null, arrivedAt, offeredAt,
                null, null);
    }

    /** Moved to another queue (overflow), waiting there; its wait goes on. */
    public CallDetailRecord overflowed(String toQueue) {
        return new CallDetailRecord(callId, ani, dnis, toQueue, agentId, CallState.QUEUED, null, arrivedAt, offeredAt,
                null, null);
    }

    public CallDetailRecord answered(String agent, Instant at) {
        return new CallDetailRecord(callId, ani, dnis, queue, agent, CallState.ANSWERED, null, arrivedAt,
                offeredAt == null ? at : offeredAt, at, null);
    }

    public CallDetailRecord ended(Disposition how, Instant at) {
        return new CallDetailRecord(callId, ani, dnis, queue, agentId, CallState.ENDED, how, arrivedAt, offeredAt,
                answeredAt, at);
    }

    /** Seconds the caller waited: until answered, or until the call ended unanswered, or until now. */
    public long waitSeconds(Instant now) {
        Instant until = answeredAt != null ? answeredAt : endedAt != null ? endedAt : now;
        return Duration.between(arrivedAt, until).toSeconds();
    }

    /** Seconds caller and agent talked; zero for a call never answered. */
    public long talkSeconds(Instant now) {
        if (answeredAt == null) {
            return 0;
        }
        return Duration.between(answeredAt, endedAt != null ? endedAt : now).toSeconds();
    }
}
