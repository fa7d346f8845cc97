package org.switchboard.recording.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingSink;
import org.switchboard.recording.RecordingState;

public class WavFileStoreTest {
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RecordingDatabase database = new RecordingDatabase(folder);

    @Rule
    public RuleChain rules = RuleChain.outerRule(folder).around(database);

    @Test
    public void aFinishedRecordingKeepsItsMetadataWithTheSha256OfItsFile() throws Exception {
        RecordingSink sink = database.store().create(new NewRecording("call-1", "support", "1001", "C42", NINE));
        sink.write(new short[32_000], 32_000); // two seconds
        Recording done = sink.finish(RecordingState.COMPLETE, null,
                List.of(new PausedInterval(500, 1500, "agent 1001")));

        Path file = Path.of(done.location());
        assertEquals(database.directory().resolve("2026/03/02/call-1.wav"), file);
        assertEquals(RecordingState.COMPLETE, done.state());
        assertEquals(Duration.ofSeconds(2), done.duration());
        assertEquals(Files.size(file), done.sizeBytes());
        assertEquals(StereoWav.sha256(file), done.sha256());
        assertEquals(List.of(new PausedInterval(500, 1500, "agent 1001")), done.pauses());
        assertEquals("C42", done.customer());
        assertEquals(done, database.store().find(done.id()).orElseThrow());
    }

    @Test
    public void aRecordingLeftOpenByACrashIsRepairedAndMarkedInterruptedWhenTheStoreStarts() throws Exception {
        RecordingSink sink = database.store().create(new NewRecording("call-2", "support", "1001", "", NINE));
        sink.write(new short[16_000], 16_000);
        sink.checkpoint();
        sink.write(new short[1_000], 1_000); // never checkpointed: the server dies here

        WavFileStore restarted = database.restarted();

        Recording repaired = restarted.find(RecordingQuery.newest(10)).get(0);
        assertEquals(RecordingState.INTERRUPTED, repaired.state());
        assertEquals(Duration.ofSeconds(1), repaired.duration());
        Path file = Path.of(repaired.location());
        assertEquals(32_000, StereoWav.read(file).dataSize);
        assertEquals(StereoWav.sha256(file), repaired.sha256());
        assertTrue(repaired.problem(), repaired.problem().contains("stopped while recording"));
    }

    @Test
    public void recordingsAreListedNewestFirstByQueueAgentAndStart() throws Exception {
        finish(new NewRecording("a", "support", "1001", "", NINE));
        finish(new NewRecording("b", "sales", "1003", "", NINE.plusSeconds(60)));
        finish(new NewRecording("c", "support", "1002", "", NINE.plusSeconds(120)));

        assertEquals(List.of("c", "b", "a"), callIds(RecordingQuery.newest(10)));
        assertEquals(List.of("c", "a"), callIds(new RecordingQuery("support", null, null, null, 10)));
        assertEquals(List.of("b"), callIds(new RecordingQuery(null, "1003", null, null, 10)));
        assertEquals(List.of("c", "b"), callIds(new RecordingQuery(null, null, NINE.plusSeconds(60), null, 10)));
        assertEquals(List.of("c"), callIds(RecordingQuery.newest(1)));
    }

    @Test
    public void aCallRecordedTwiceGetsASecondFile() throws Exception {
        Recording first = finish(new NewRecording("same", "support", "1001", "", NINE));
        Recording second = finish(new NewRecording("same", "support", "1002", "", NINE));

        assertFalse(first.location().equals(second.location()));
        assertTrue(second.location(), second.location().endsWith("same-2.wav"));
    }

    @Test
    public void aCallIdIsNeverAPathOutOfTheFolder() throws Exception {
        Recording recording = finish(new NewRecording("../../etc/passwd", "support", "1001", "", NINE));

        assertTrue(recording.location(), Path.of(recording.location()).startsWith(database.directory()));
    }

    @Test
    public void deletingARecordingRemovesItsFileAndKeepsItsMetadataMarkedDeleted() throws Exception {
        Recording recording = finish(new NewRecording("gone", "support", "1001", "", NINE));

        Recording deleted = database.store().delete(recording.id()).orElseThrow();

        assertFalse(Files.exists(Path.of(recording.location())));
        assertEquals(RecordingState.DELETED, deleted.state());
        assertNotNull(deleted.deletedAt());
        assertEquals("", deleted.sha256());
    }

    private Recording finish(NewRecording recording) throws Exception {
        RecordingSink sink = database.store().create(recording);
        sink.write(new short[320], 320);
        return sink.finish(RecordingState.COMPLETE, null, List.of());
    }

    private List<String> callIds(RecordingQuery query) {
        return database.store().find(query).stream().map(Recording::callId).toList();
    }
}
