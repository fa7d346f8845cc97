package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.sip.CallControl;

/**
 * A call through queue support recorded as an operator finds it: the caller speaks one tone, the agent's phone
 * another, the supervisor pauses the recording from the shell for a while; the stereo WAV file has the caller on
 * the left and the agent on the right, lasts as long as the talk, holds silence where it was paused, and its
 * SHA-256 is the one {@code callcenter:recordings} shows.
 */
public class RecordingTest extends SwitchboardTestSupport {
    private static final double CALLER_HERTZ = 440;
    private static final double AGENT_HERTZ = 1000;
    private static final double SECOND_AGENT_HERTZ = 2000;
    private static final int RATE = 8000;

    @Before
    public void registerPhone() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
    }

    @Test
    public void aCallIsRecordedInStereoForItsWholeTalkTimeWithThePauseInSilence() throws Exception {
        writeAgentTone(Path.of(System.getProperty("switchboard.sipp.logs"), "agent-tone.ulaw"));
        onlyAvailable("1001");
        Sipp.Run agent = sipp.start("agent-answer-tone.xml", AGENT_1001_PORT, "-s", "1001");
        String callId;
        long pausedNanos;
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4939001")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            AutoCloseable tone = caller.speakTone(CALLER_HERTZ);
            try {
                callId = callOf("1001");
                awaitCondition("the call is being recorded",
                        () -> recordingOf(callId).map(row -> row.get("State").equals("recording")).orElse(false));
                Thread.sleep(1500);
                String paused = execute("callcenter:recording-pause " + callId);
                long pausedAt = System.nanoTime();
                assertTrue(paused, paused.contains("Recording of call " + callId + " paused"));
                Thread.sleep(1000);
                String resumed = execute("callcenter:recording-resume " + callId);
                pausedNanos = System.nanoTime() - pausedAt;
                assertTrue(resumed, resumed.contains("Recording of call " + callId + " resumed"));
                Thread.sleep(1500);
            } finally {
                tone.close();
            }
            caller.hangUp();
        }
        agent.expectSuccess();
        awaitCondition("the call ended", () -> records().find(callId).map(c -> c.state() == CallState.ENDED)
                .orElse(false));
        awaitCondition("the recording is complete",
                () -> recordingOf(callId).map(row -> row.get("State").equals("complete")).orElse(false));
        awaitAgentState("1001", AgentState.AVAILABLE);
        CallDetailRecord call = records().find(callId).orElseThrow();
        Map<String, String> recording = recordingOf(callId).orElseThrow();
        Path file = Path.of(recording.get("File"));

        assertEquals("support", recording.get("Queue"));
        assertEquals("1001", recording.get("Agent"));
        assertEquals("a caller the CRM does not know yet is named by number", "4939001", recording.get("Customer"));
        assertEquals(Long.toString(Files.size(file)), recording.get("Bytes"));
        assertEquals("SHA-256 of the file", sha256(file), recording.get("SHA-256"));

        long talkMillis = Duration.between(call.answeredAt(), call.endedAt()).toMillis();
        long recordedMillis = Math.round(Double.parseDouble(recording.get("Duration s")) * 1000);
        assertTrue("recorded " + recordedMillis + " ms of a talk of " + talkMillis + " ms",
                Math.abs(recordedMillis - talkMillis) <= 100);

        StereoWav wav = StereoWav.read(file);
        assertEquals(2, wav.channels);
        assertEquals(RATE, wav.sampleRate);
        assertEquals(16, wav.bitsPerSample);
        assertEquals("the file holds what its metadata says", recordedMillis, wav.left.length * 1000L / RATE, 10);

        String[] pause = recording.get("Paused (s from start)").split("-");
        assertEquals("one pause: " + recording, 2, pause.length);
        int pauseFrom = (int) Math.round(Double.parseDouble(pause[0]) * RATE);
        int pauseTo = (int) Math.round(Double.parseDouble(pause[1]) * RATE);
        long pauseMillis = (pauseTo - pauseFrom) * 1000L / RATE;
        assertTrue("paused " + pauseMillis + " ms in the file for " + pausedNanos / 1_000_000 + " ms in the shell",
                Math.abs(pauseMillis - TimeUnit.NANOSECONDS.toMillis(pausedNanos)) <= 100);
        assertTrue("silence on the left while paused", silent(wav.left, pauseFrom, pauseTo));
        assertTrue("silence on the right while paused", silent(wav.right, pauseFrom, pauseTo));

        int margin = RATE / 5;
        for (int[] talk : List.of(new int[] { margin, pauseFrom - margin },
                new int[] { pauseTo + margin, wav.left.length - margin })) {
            String where = "samples " + talk[0] + ".." + talk[1];
            assertTrue("caller's tone on the left, " + where, share(CALLER_HERTZ, wav.left, talk) > 0.8);
            assertTrue("no agent on the left, " + where, share(AGENT_HERTZ, wav.left, talk) < 0.05);
            assertTrue("agent's tone on the right, " + where, share(AGENT_HERTZ, wav.right, talk) > 0.8);
            assertTrue("no caller on the right, " + where, share(CALLER_HERTZ, wav.right, talk) < 0.05);
        }

        String sox = soxInfo(file);
        if (sox != null) {
            assertTrue(sox, sox.contains("Channels       : 2"));
            assertTrue(sox, sox.contains("Sample Rate    : 8000"));
        }
    }

    @Test
    public void aCallTransferredToAnotherAgentGoesOnInTheSameFile() throws Exception {
        registerPhoneIfNeeded("1002", AGENT_1002_PORT);
        onlyAvailable("1001");
        String firstId;
        String secondId;
        try (RtpPhone first = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                RtpPhone second = new RtpPhone("1002", AGENT_1002_PORT, SIP_PORT);
                RtpCaller caller = new RtpCaller(SIP_PORT, "4939003")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            firstId = callOf("1001");
            try (AutoCloseable callerTone = caller.speakTone(CALLER_HERTZ);
                    AutoCloseable firstTone = first.speakTone(AGENT_HERTZ);
                    AutoCloseable secondTone = second.speakTone(SECOND_AGENT_HERTZ)) {
                awaitCondition("the call is being recorded", () -> recordingOf(firstId).isPresent());
                Thread.sleep(1500);
                agents().login("1002", List.of("support"));
                service(CallControl.class).transfer(firstId, "agent:1002");
                assertTrue("the first agent's phone is released", first.awaitHungUp(Duration.ofSeconds(10)));
                assertTrue("the second agent's phone answers", second.awaitAnswered(Duration.ofSeconds(10)));
                secondId = callOf("1002");
                Thread.sleep(1500);
            }
            caller.hangUp();
        }
        awaitCondition("the recording is complete",
                () -> recordingOf(firstId).map(row -> row.get("State").equals("complete")).orElse(false));
        assertTrue("no second file for the transferred record", recordingOf(secondId).isEmpty());
        Map<String, String> recording = recordingOf(firstId).orElseThrow();
        CallDetailRecord firstCall = records().find(firstId).orElseThrow();
        CallDetailRecord secondCall = records().find(secondId).orElseThrow();
        long talkMillis = Duration.between(firstCall.answeredAt(), secondCall.endedAt()).toMillis();
        long recordedMillis = Math.round(Double.parseDouble(recording.get("Duration s")) * 1000);
        assertTrue("recorded " + recordedMillis + " ms from the first answer to the end (" + talkMillis + " ms)",
                Math.abs(recordedMillis - talkMillis) <= 100);

        StereoWav wav = StereoWav.read(Path.of(recording.get("File")));
        int transferAt = (int) (Duration.between(firstCall.answeredAt(), firstCall.endedAt()).toMillis() * RATE
                / 1000);
        int secondAnswerAt = (int) (Duration.between(firstCall.answeredAt(), secondCall.answeredAt()).toMillis()
                * RATE / 1000);
        int margin = RATE / 5;
        int[] before = { margin, transferAt - margin };
        int[] after = { secondAnswerAt + margin, wav.right.length - margin };
        assertTrue("the first agent on the right before the transfer", share(AGENT_HERTZ, wav.right, before) > 0.8);
        assertTrue("the second agent on the right after it", share(SECOND_AGENT_HERTZ, wav.right, after) > 0.8);
        assertTrue("the caller on the left throughout", share(CALLER_HERTZ, wav.left, before) > 0.8
                && share(CALLER_HERTZ, wav.left, after) > 0.8);
    }

    @Test
    public void aCallFlowWithARecordingPolicyIsRecordedFromTheFlowsAnswerInTheSameFileAsItsAgent() throws Exception {
        installFlow("itest-recorded", """
                numbers: ["4096"]
                start: welcome
                nodes:
                  welcome: {type: play, prompts: [welcome], next: wait}
                  wait: {type: queue, queue: support}
                """, "4096");
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.switchboard.recording.cfg");
        String original = Files.readString(cfg);
        Files.writeString(cfg, original + "\nflowPolicy.itest-recorded = all\n");
        try {
            awaitCondition("the flow's policy read", () -> "all".equals(recordingSetting("flowPolicy.itest-recorded")));
            onlyAvailable();
            String callId;
            long flowAnsweredAt;
            try (RtpPhone agent = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                    RtpCaller caller = new RtpCaller(SIP_PORT, "4939004")) {
                assertEquals(200, caller.call("4096", Duration.ofSeconds(10)));
                flowAnsweredAt = System.currentTimeMillis();
                try (AutoCloseable callerTone = caller.speakTone(CALLER_HERTZ);
                        AutoCloseable agentTone = agent.speakTone(AGENT_HERTZ)) {
                    Thread.sleep(2000);
                    onlyAvailable("1001");
                    assertTrue(agent.awaitAnswered(Duration.ofSeconds(10)));
                    callId = callOf("1001");
                    Thread.sleep(1500);
                }
                caller.hangUp();
            }
            awaitCondition("the recording is complete",
                    () -> recordingOf(callId).map(row -> row.get("State").equals("complete")).orElse(false));
            Map<String, String> recording = recordingOf(callId).orElseThrow();
            assertEquals("support", recording.get("Queue"));
            assertEquals("1001", recording.get("Agent"));
            CallDetailRecord call = records().find(callId).orElseThrow();
            long recordedMillis = Math.round(Double.parseDouble(recording.get("Duration s")) * 1000);
            long agentFromStart = recordedMillis - Duration.between(call.answeredAt(), call.endedAt()).toMillis();
            long flowBeforeAgent = call.answeredAt().toEpochMilli() - flowAnsweredAt;
            assertTrue("the recording starts with the flow's answer: " + agentFromStart + " ms before the agent's, "
                    + "who answered " + flowBeforeAgent + " ms after the flow", agentFromStart >= 1900
                    && Math.abs(agentFromStart - flowBeforeAgent) < 300);
            StereoWav wav = StereoWav.read(Path.of(recording.get("File")));
            int agentAt = (int) (agentFromStart * RATE / 1000);
            int margin = RATE / 5;
            int[] inTheFlow = { margin, agentAt - margin };
            int[] withTheAgent = { agentAt + margin, wav.left.length - margin };
            assertTrue("the caller heard in the flow", share(CALLER_HERTZ, wav.left, inTheFlow) > 0.8);
            assertTrue("no agent yet", silent(wav.right, inTheFlow[0], inTheFlow[1]));
            assertTrue("then the agent", share(AGENT_HERTZ, wav.right, withTheAgent) > 0.8);
        } finally {
            Files.writeString(cfg, original);
            awaitCondition("the flow's policy gone", () -> recordingSetting("flowPolicy.itest-recorded") == null);
        }
    }

    /** A setting of the recording configuration as Config Admin has it (what the operator's file says once read). */
    private String recordingSetting(String key) {
        return configuredValue("(service.pid=org.switchboard.recording)", key);
    }

    @Test
    public void recordingsAreListedByQueueAndAgentAndPausingACallNotRecordedIsRefused() throws Exception {
        String listed = execute("callcenter:recordings --queue nowhere --agent 1001 --since 2020-01-01");
        assertTrue(listed, ShellTables.lastTable(listed).orElse(List.of()).isEmpty());
        String refused = execute("callcenter:recording-pause no-such-call");
        assertTrue(refused, refused.contains("Call no-such-call is not being recorded"));
    }

    /**
     * One second of the agent's tone (a whole number of cycles), raw 8 kHz µ-law: sipp streams the file's bytes as
     * they are, in a loop.
     */
    private static void writeAgentTone(Path file) throws IOException {
        byte[] samples = new byte[RATE];
        for (int i = 0; i < RATE; i++) {
            samples[i] = RtpStream.muLaw((int) Math.round(8000 * Math.sin(2 * Math.PI * AGENT_HERTZ * i / RATE)));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, samples);
    }

    private static double share(double hertz, short[] samples, int[] range) {
        return ToneMeter.meanShare(hertz, samples, range[0], range[1]);
    }

    private static boolean silent(short[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            if (samples[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** What {@code sox --i} says of the file, or null when sox is not on the PATH. */
    private static String soxInfo(Path file) throws Exception {
        boolean installed = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, "sox")));
        if (!installed) {
            return null;
        }
        Process sox = new ProcessBuilder("sox", "--i", file.toString()).redirectErrorStream(true).start();
        String output = new String(sox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("sox did not finish", sox.waitFor(30, TimeUnit.SECONDS));
        assertEquals(output, 0, sox.exitValue());
        return output;
    }
}
