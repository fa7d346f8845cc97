package org.switchboard.recording.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingState;
import org.switchboard.recording.RecordingStore;

/**
 * Deletes the recordings kept longer than their queue's {@code retentionDays}: the audio goes, the metadata stays,
 * marked deleted. Runs once a day; what it deleted is logged, queue by queue.
 */
final class RetentionJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 500;

    private final Supplier<RecordingSettings> settings;
    private final Supplier<RecordingStore> store;
    private final Clock clock;

    RetentionJob(Supplier<RecordingSettings> settings, Supplier<RecordingStore> store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            Map<String, Integer> deleted = deleteExpired();
            if (!deleted.isEmpty()) {
                LOG.info("retention: deleted {} expired recording(s), by queue {}",
                        deleted.values().stream().mapToInt(Integer::intValue).sum(), deleted);
            }
        } catch (RuntimeException e) {
            LOG.error("retention: deleting expired recordings failed: {}; tried again tomorrow", e.toString(), e);
        }
    }

    /** @return how many recordings were deleted, by queue */
    Map<String, Integer> deleteExpired() {
        RecordingSettings current = settings.get();
        RecordingStore recordings = store.get();
        Map<String, Integer> deleted = new TreeMap<>();
        Optional<Integer> shortest = shortestRetention(current);
        if (recordings == null || shortest.isEmpty()) {
            return deleted;
        }
        Instant now = clock.instant();
        Instant before = now.minus(Duration.ofDays(shortest.get()));
        while (true) {
            List<Recording> batch = recordings.find(new RecordingQuery(null, null, null, before, BATCH));
            for (Recording recording : batch) {
                if (expired(recording, current, now)) {
                    recordings.delete(recording.id());
                    deleted.merge(recording.queue(), 1, Integer::sum);
                    LOG.debug("retention: deleted recording {} of call {} ({}), started {}", recording.id(),
                            recording.callId(), recording.location(), recording.startedAt());
                }
            }
            if (batch.size() < BATCH) {
                return deleted;
            }
            before = batch.get(batch.size() - 1).startedAt();
        }
    }

    private static boolean expired(Recording recording, RecordingSettings settings, Instant now) {
        if (recording.state() == RecordingState.DELETED || recording.state() == RecordingState.RECORDING) {
            return false;
        }
        Optional<Integer> days = settings.retentionDaysOf(recording.queue());
        return days.isPresent() && recording.startedAt().plus(Duration.ofDays(days.get())).isBefore(now);
    }

    private static Optional<Integer> shortestRetention(RecordingSettings settings) {
        int shortest = Integer.MAX_VALUE;
        if (settings.defaultRetentionDays() > 0) {
            shortest = settings.defaultRetentionDays();
        }
        for (int days : settings.retentionDays().values()) {
            if (days > 0) {
                shortest = Math.min(shortest, days);
            }
        }
        return shortest == Integer.MAX_VALUE ? Optional.empty() : Optional.of(shortest);
    }
}
