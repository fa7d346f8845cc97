package org.switchboard.recording.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingSink;
import org.switchboard.recording.RecordingState;

public class RetentionJobTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RecordingDatabase database = new RecordingDatabase(folder);

    @Rule
    public RuleChain rules = RuleChain.outerRule(folder).around(database);

    @Test
    public void recordingsOlderThanTheirQueuesRetentionAreDeletedAndTheRestKept() throws Exception {
        Instant now = database.clock.instant();
        Recording oldSupport = record("s-old", "support", now.minus(Duration.ofDays(31)));
        Recording newSupport = record("s-new", "support", now.minus(Duration.ofDays(29)));
        Recording oldSales = record("sales-old", "sales", now.minus(Duration.ofDays(31)));
        Recording veryOldOther = record("o-old", "complaints", now.minus(Duration.ofDays(400)));
        RecordingSettings settings = RecordingSettings.from(Map.of("retentionDays.support", "30",
                "retentionDays.sales", "90"));

        Map<String, Integer> deleted = new RetentionJob(() -> settings, database::store, database.clock)
                .deleteExpired();

        assertEquals(Map.of("support", 1), deleted);
        assertEquals(RecordingState.DELETED, stateOf(oldSupport));
        assertFalse(Files.exists(Path.of(oldSupport.location())));
        for (Recording kept : List.of(newSupport, oldSales, veryOldOther)) {
            assertEquals(RecordingState.COMPLETE, stateOf(kept));
            assertTrue(Files.exists(Path.of(kept.location())));
        }
    }

    @Test
    public void theDefaultRetentionCoversTheQueuesNotNamedAndADeletedRecordingIsNotDeletedAgain() throws Exception {
        Instant now = database.clock.instant();
        Recording old = record("o-old", "complaints", now.minus(Duration.ofDays(8)));
        RecordingSettings settings = RecordingSettings.from(Map.of("retentionDays.default", "7"));
        RetentionJob job = new RetentionJob(() -> settings, database::store, database.clock);

        assertEquals(Map.of("complaints", 1), job.deleteExpired());
        assertEquals(Map.of(), job.deleteExpired());
        assertEquals(RecordingState.DELETED, stateOf(old));
    }

    @Test
    public void nothingIsDeletedWhenEveryQueueKeepsItsRecordingsForEver() throws Exception {
        Recording old = record("o-old", "support", database.clock.instant().minus(Duration.ofDays(4000)));

        assertEquals(Map.of(), new RetentionJob(RecordingSettings::defaults, database::store, database.clock)
                .deleteExpired());
        assertEquals(RecordingState.COMPLETE, stateOf(old));
    }

    private RecordingState stateOf(Recording recording) {
        return database.store().find(recording.id()).orElseThrow().state();
    }

    private Recording record(String callId, String queue, Instant startedAt) throws Exception {
        RecordingSink sink = database.store().create(new NewRecording(callId, queue, "1001", "", startedAt));
        sink.write(new short[320], 320);
        return sink.finish(RecordingState.COMPLETE, null, List.of());
    }
}
