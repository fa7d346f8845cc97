package org.switchboard.acd.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.switchboard.api.acd.QueuePlace;

/** Where every waiting call stood at one moment; immutable, taken on the decision thread, read from any. */
final class QueuePlaces {
    static final QueuePlaces NONE = new QueuePlaces(Map.of(), Instant.MIN);

    private final Map<String, QueuePlace> byCall;
    private final Instant takenAt;

    QueuePlaces(Map<String, QueuePlace> byCall, Instant takenAt) {
        this.byCall = Map.copyOf(byCall);
        this.takenAt = takenAt;
    }

    Optional<QueuePlace> of(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    boolean olderThan(Duration age, Instant now) {
        return takenAt.plus(age).isBefore(now);
    }
}
