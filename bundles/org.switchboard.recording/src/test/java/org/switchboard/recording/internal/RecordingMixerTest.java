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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingState;

public class RecordingMixerTest {
    private static final long T0 = 5_000_000_000L;
    private static final long FRAME = CallRecording.FRAME_NANOS;
    private static final long FRAMES_PER_GRACE = RecordingMixer.LEGS_GONE_GRACE_NANOS / FRAME;

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RecordingDatabase database = new RecordingDatabase(folder);

    @Rule
    public RuleChain rules = RuleChain.outerRule(folder).around(database);

    private final Map<String, List<MediaLeg>> legs = new ConcurrentHashMap<>();
    private final RecordingMixer mixer = new RecordingMixer(
            callId -> legs.getOrDefault(callId, List.of()), Runnable::run, 0);
    private final TestLeg caller = leg("c1", "caller");
    private final TestLeg agent = leg("c1", "1001");

    @Test
    public void theCallerIsOnTheLeftChannelAndTheAgentOnTheRight() throws Exception {
        start("c1");
        for (int i = 0; i < 100; i++) {
            caller.receive(Signals.toneFrame(440, i));
            agent.receive(Signals.toneFrame(1000, i));
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        StereoWav wav = StereoWav.read(Path.of(end("c1", 100).location()));

        assertEquals(16_000, wav.left.length);
        assertTrue(Signals.shareOf(440, wav.left, 0, 16_000) > 0.9);
        assertTrue(Signals.shareOf(1000, wav.left, 0, 16_000) < 0.01);
        assertTrue(Signals.shareOf(1000, wav.right, 0, 16_000) > 0.9);
        assertTrue(Signals.shareOf(440, wav.right, 0, 16_000) < 0.01);
    }

    @Test
    public void aFrameMissingOnOneSideIsSilenceAndBothSidesStayAligned() throws Exception {
        start("c1");
        for (int i = 0; i < 20; i++) {
            caller.receive(Signals.constantFrame(1000 + i));
            if (i != 7) {
                agent.receive(Signals.constantFrame(2000 + i));
            }
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        StereoWav wav = StereoWav.read(Path.of(end("c1", 20).location()));

        for (int i = 0; i < 20; i++) {
            assertEquals("left frame " + i, 1000 + i, wav.left[160 * i + 80]);
            assertEquals("right frame " + i, i == 7 ? 0 : 2000 + i, wav.right[160 * i + 80]);
        }
        assertTrue(Signals.silent(wav.right, 7 * 160, 8 * 160));
    }

    @Test
    public void aSideThatSendsNothingIsSilenceForTheWholeCall() throws Exception {
        start("c1");
        for (int i = 0; i < 50; i++) {
            caller.receive(Signals.toneFrame(440, i));
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        StereoWav wav = StereoWav.read(Path.of(end("c1", 50).location()));

        assertEquals(8_000, wav.right.length);
        assertTrue(Signals.silent(wav.right, 0, 8_000));
        assertFalse(Signals.silent(wav.left, 0, 8_000));
    }

    @Test
    public void pausedAudioIsSilenceAndTheIntervalIsKept() throws Exception {
        CallRecording recording = start("c1");
        for (int i = 0; i < 150; i++) {
            if (i == 50) {
                assertTrue(recording.pause("agent 1001"));
                assertFalse(recording.pause("agent 1001"));
            }
            if (i == 100) {
                assertTrue(recording.resume());
            }
            caller.receive(Signals.toneFrame(440, i));
            agent.receive(Signals.toneFrame(1000, i));
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        Recording done = end("c1", 150);
        StereoWav wav = StereoWav.read(Path.of(done.location()));

        assertEquals(List.of(new PausedInterval(1000, 2000, "agent 1001")), done.pauses());
        assertTrue(Signals.silent(wav.left, 8_000, 16_000));
        assertTrue(Signals.silent(wav.right, 8_000, 16_000));
        assertTrue(Signals.shareOf(440, wav.left, 0, 8_000) > 0.9);
        assertTrue(Signals.shareOf(440, wav.left, 16_000, 24_000) > 0.9);
        assertTrue(Signals.shareOf(1000, wav.right, 16_000, 24_000) > 0.9);
    }

    @Test
    public void aPauseStillOpenWhenTheCallEndsLastsToTheEnd() throws Exception {
        CallRecording recording = start("c1");
        for (int i = 0; i < 100; i++) {
            if (i == 75) {
                recording.pause("supervisor karaf");
            }
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        assertEquals(List.of(new PausedInterval(1500, 2000, "supervisor karaf")), end("c1", 100).pauses());
    }

    @Test
    public void theRecordingLastsFromTheAnswerToTheEndOfTheCallWhenTheTicksComeLate() throws Exception {
        start("c1");
        mixer.tick(T0 + 7 * FRAME + FRAME / 2); // a late tick writes every frame due
        mixer.tick(T0 + 30 * FRAME);
        mixer.end("c1", T0 + 51 * FRAME + FRAME / 3);
        mixer.tick(T0 + 80 * FRAME); // the tick after the end writes up to the end only

        Recording done = database.store().find(RecordingQuery.newest(1)).get(0);
        assertEquals(RecordingState.COMPLETE, done.state());
        assertEquals(Duration.ofMillis(51 * 20), done.duration());
        assertEquals(51 * 160, StereoWav.read(Path.of(done.location())).left.length);
        assertTrue(mixer.inProgress().isEmpty());
        assertEquals(0, caller.taps());
    }

    @Test
    public void theLegOfATransferTargetIsHeardOnTheRightAndTheLegThatLeftIsNoLongerTapped() throws Exception {
        start("c1");
        for (int i = 0; i < 50; i++) {
            agent.receive(Signals.toneFrame(1000, i));
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        TestLeg outside = new TestLeg("c1", "number:5550100");
        legs.put("c1", new CopyOnWriteArrayList<>(List.of(caller, outside)));
        for (int i = 50; i < 100; i++) {
            if (i >= 55) { // the mixer finds the new leg within 100 ms
                outside.receive(Signals.toneFrame(700, i));
            }
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        assertEquals(0, agent.taps());
        StereoWav wav = StereoWav.read(Path.of(end("c1", 100).location()));

        assertTrue(Signals.shareOf(1000, wav.right, 0, 8_000) > 0.9);
        assertTrue(Signals.shareOf(700, wav.right, 9_000, 16_000) > 0.9);
    }

    @Test
    public void aDiskRunningFullStopsTheRecordingAndKeepsWhatWasWritten() throws Exception {
        mixer.minFreeBytes(Long.MAX_VALUE); // more than any disk has
        start("c1");
        for (int i = 0; i < 80; i++) {
            caller.receive(Signals.toneFrame(440, i));
            mixer.tick(T0 + (i + 1) * FRAME);
        }

        assertTrue(mixer.inProgress().isEmpty());
        assertEquals(0, caller.taps());
        Recording stopped = database.store().find(RecordingQuery.newest(1)).get(0);
        assertEquals(RecordingState.FAILED, stopped.state());
        assertTrue(stopped.problem(), stopped.problem().startsWith("disk full"));
        assertEquals(Duration.ofSeconds(1), stopped.duration());
        assertEquals(Files.size(Path.of(stopped.location())), stopped.sizeBytes());
        assertEquals(StereoWav.sha256(Path.of(stopped.location())), stopped.sha256());
    }

    @Test
    public void aSupervisorIsRecordedOnTheAgentsSideOnlyWhileTheCallerHearsThem() throws Exception {
        TestLeg supervisor = leg("c1", "supervisor:1002");
        start("c1");
        for (int i = 0; i < 200; i++) {
            if (i == 50) { // whisper: the agent hears the supervisor, the caller does not
                agent.hearing(List.of(caller, supervisor));
            } else if (i == 100) { // barge
                caller.hearing(List.of(agent, supervisor));
            } else if (i == 150) { // listen-in again
                caller.hearing(List.of());
                agent.hearing(List.of());
            }
            caller.receive(Signals.toneFrame(440, i));
            agent.receive(Signals.toneFrame(1000, i));
            supervisor.receive(Signals.toneFrame(2000, i));
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        StereoWav wav = StereoWav.read(Path.of(end("c1", 200).location()));

        int margin = 800; // the legs are looked up every 100 ms
        assertTrue("listen-in: not recorded", Signals.shareOf(2000, wav.right, 0, 8_000) < 0.01);
        assertTrue("whisper: not recorded", Signals.shareOf(2000, wav.right, 8_000 + margin, 16_000) < 0.01);
        assertTrue("barge: recorded on the agent's side",
                Signals.shareOf(2000, wav.right, 16_000 + margin, 24_000) > 0.3);
        assertTrue("barge: the agent still there", Signals.shareOf(1000, wav.right, 16_000 + margin, 24_000) > 0.3);
        assertTrue("never on the caller's side", Signals.shareOf(2000, wav.left, 0, 32_000) < 0.01);
        assertTrue("listen-in again: not recorded",
                Signals.shareOf(2000, wav.right, 24_000 + margin, 32_000) < 0.01);
        assertEquals("its tap removed once the caller no longer hears it", 0, supervisor.taps());
        assertTrue(Signals.shareOf(1000, wav.right, 0, 8_000) > 0.9);
    }

    @Test
    public void theRecordOfATransferEndsTheRecordingItCarriedOn() throws Exception {
        CallRecording recording = start("c1");
        mixer.alias("c2", recording);
        for (int i = 0; i < 10; i++) {
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        assertEquals(recording, mixer.recordingOf("c2").orElseThrow());
        end("c2", 10);
        assertTrue(mixer.recordingOf("c1").isEmpty());
        assertTrue(mixer.recordingOf("c2").isEmpty());
    }

    @Test
    public void aRecordingWhoseLegsAllClosedWithNoEndReportedEndsWhereTheyClosed() throws Exception {
        start("c1");
        for (int i = 0; i < 20; i++) {
            mixer.tick(T0 + (i + 1) * FRAME);
        }
        legs.remove("c1");
        int tick = 20;
        while (!mixer.inProgress().isEmpty()) {
            mixer.tick(T0 + ++tick * FRAME);
            assertTrue("ended within the grace time", tick < 20 + 3 * FRAMES_PER_GRACE);
        }
        Recording done = database.store().find(RecordingQuery.newest(1)).get(0);
        assertEquals(RecordingState.COMPLETE, done.state());
        assertTrue("ends where the legs were found closed: " + done.duration(),
                done.duration().toMillis() <= (20 + RecordingMixer.LEG_LOOKUP_TICKS) * 20L);
    }

    private TestLeg leg(String callId, String name) {
        TestLeg leg = new TestLeg(callId, name);
        legs.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(leg);
        return leg;
    }

    private CallRecording start(String callId) {
        NewRecording info = new NewRecording(callId, "support", "1001", "5551234", Instant.parse("2026-03-02T09:00:00Z"));
        CallRecording recording = new CallRecording(info, callId, database.store(), database.store().create(info), T0);
        assertTrue(mixer.add(recording));
        return recording;
    }

    /** The call ends after {@code frames} frames; the mixer finishes the recording at its next tick. */
    private Recording end(String callId, int frames) {
        mixer.end(callId, T0 + frames * FRAME);
        mixer.tick(T0 + (frames + 1) * FRAME);
        assertTrue(mixer.inProgress().isEmpty());
        Recording done = database.store().find(RecordingQuery.newest(1)).get(0);
        assertEquals(RecordingState.COMPLETE, done.state());
        assertEquals(Duration.ofMillis(frames * 20L), done.duration());
        return done;
    }
}
