package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.call.CallState;
import org.switchboard.api.sip.CallControl;

/**
 * A supervisor at phone 1002 joins a call between a caller and agent 1001 from the shell, as head office does: each
 * party speaks a tone of its own (caller 440 Hz, agent 1000 Hz, supervisor 2000 Hz), and what each phone receives
 * shows who hears whom — listen-in, then whisper, then barge, then the supervisor hangs up and the call goes on.
 * The call's recording has the supervisor's voice for the barge only, on the agent's side.
 */
public class SupervisionTest extends SwitchboardTestSupport {
    private static final double CALLER_HERTZ = 440;
    private static final double AGENT_HERTZ = 1000;
    private static final double SUPERVISOR_HERTZ = 2000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Before
    public void registerPhones() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        registerPhoneIfNeeded("1002", AGENT_1002_PORT);
        onlyAvailable("1001");
    }

    @Test
    public void aSupervisorListensThenWhispersToTheAgentThenBargesInThenLeavesTheCallGoingOn() throws Exception {
        String callId;
        try (RtpPhone agent = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                RtpPhone supervisor = new RtpPhone("1002", AGENT_1002_PORT, SIP_PORT);
                RtpCaller caller = new RtpCaller(SIP_PORT, "4939101")) {
            assertEquals(200, caller.call("4000", WAIT));
            callId = callOf("1001");
            try (AutoCloseable hangsUp = caller::hangUp; AutoCloseable callerTone = caller.speakTone(CALLER_HERTZ);
                    AutoCloseable agentTone = agent.speakTone(AGENT_HERTZ)) {
                String ringing = execute("callcenter:listen " + callId + " 1002");
                assertTrue(ringing, ringing.contains("Ringing 1002 to listen to call " + callId));
                assertTrue("the supervisor's phone rang", supervisor.awaitAnswered(WAIT));
                assertTrue("it shows a supervision of the caller, not a call to take: " + supervisor.invite(),
                        supervisor.invite().contains("\"Supervise 4939101\" <sip:4939101@"));
                awaitCondition("the supervisor connected", () -> supervision(callId).equals(List.of("listen",
                        "connected")));
                try (AutoCloseable supervisorTone = supervisor.speakTone(SUPERVISOR_HERTZ)) {
                    Heard listening = listenTo(caller, agent, supervisor);
                    System.out.println("listen-in: " + listening);
                    assertTrue("listen-in: the supervisor hears the caller " + listening,
                            listening.supervisor(CALLER_HERTZ) > 0.2);
                    assertTrue("listen-in: the supervisor hears the agent " + listening,
                            listening.supervisor(AGENT_HERTZ) > 0.2);
                    assertTrue("listen-in: the caller does not hear the supervisor " + listening,
                            listening.caller(SUPERVISOR_HERTZ) < 0.05);
                    assertTrue("listen-in: the agent does not hear the supervisor " + listening,
                            listening.agent(SUPERVISOR_HERTZ) < 0.05);
                    assertTrue("listen-in: caller and agent still hear each other " + listening,
                            listening.caller(AGENT_HERTZ) > 0.8 && listening.agent(CALLER_HERTZ) > 0.8);

                    String whisper = execute("callcenter:listen " + callId + " 1002 --whisper");
                    assertTrue(whisper, whisper.contains("1002 now whispers to the agent of call " + callId));
                    Heard whispering = listenTo(caller, agent, supervisor);
                    System.out.println("whisper: " + whispering);
                    assertTrue("whisper: the agent hears the supervisor " + whispering,
                            whispering.agent(SUPERVISOR_HERTZ) > 0.2);
                    assertTrue("whisper: the agent still hears the caller " + whispering,
                            whispering.agent(CALLER_HERTZ) > 0.2);
                    assertTrue("whisper: the caller does not hear the supervisor " + whispering,
                            whispering.caller(SUPERVISOR_HERTZ) < 0.05);
                    assertTrue("whisper: the caller hears the agent " + whispering,
                            whispering.caller(AGENT_HERTZ) > 0.8);

                    String barge = execute("callcenter:listen " + callId + " 1002 --barge");
                    assertTrue(barge, barge.contains("1002 now barges into call " + callId));
                    Heard barging = listenTo(caller, agent, supervisor);
                    System.out.println("barge: " + barging);
                    assertTrue("barge: the caller hears the supervisor " + barging,
                            barging.caller(SUPERVISOR_HERTZ) > 0.2);
                    assertTrue("barge: the caller hears the agent " + barging, barging.caller(AGENT_HERTZ) > 0.2);
                    assertTrue("barge: the agent hears the supervisor " + barging,
                            barging.agent(SUPERVISOR_HERTZ) > 0.2);
                    assertTrue("barge: the supervisor hears the caller " + barging,
                            barging.supervisor(CALLER_HERTZ) > 0.2);
                    assertEquals(List.of("barge", "connected"), supervision(callId));

                    supervisor.hangUp();
                    awaitCondition("the supervisor left", () -> supervision(callId).isEmpty());
                }
                Heard after = listenTo(caller, agent, supervisor);
                System.out.println("after the supervisor left: " + after);
                assertTrue("after: caller and agent hear each other alone " + after,
                        after.caller(AGENT_HERTZ) > 0.8 && after.agent(CALLER_HERTZ) > 0.8);
                assertEquals("the supervisor's leaving did not end the call", CallState.ANSWERED,
                        records().find(callId).orElseThrow().state());
            }
            assertTrue("the agent's phone was hung up", agent.awaitHungUp(WAIT));
            awaitCondition("the call ended",
                    () -> records().find(callId).map(c -> c.state() == CallState.ENDED).orElse(false));
        }
        awaitAgentState("1001", AgentState.AVAILABLE);

        // the supervisor spoke for 1.6 s in each mode; the caller heard them only in the barge
        awaitCondition("the recording is complete",
                () -> recordingOf(callId).map(row -> row.get("State").equals("complete")).orElse(false));
        StereoWav wav = StereoWav.read(Path.of(recordingOf(callId).orElseThrow().get("File")));
        int recordedRight = windowsWith(SUPERVISOR_HERTZ, wav.right);
        System.out.println("supervisor in the recording: " + recordedRight + " windows of 100 ms on the right, "
                + windowsWith(SUPERVISOR_HERTZ, wav.left) + " on the left");
        assertTrue("the barge is in the recording, on the agent's side: " + recordedRight + " windows",
                recordedRight >= 8);
        assertTrue("listen-in and whisper are not (they would add 3.2 s or more): " + recordedRight + " windows",
                recordedRight <= 40);
        assertEquals("never on the caller's side", 0, windowsWith(SUPERVISOR_HERTZ, wav.left));
    }

    /** How many 100 ms windows of the samples are mostly the tone. */
    private static int windowsWith(double hertz, short[] samples) {
        int windows = 0;
        for (int start = 0; start + ToneMeter.WINDOW <= samples.length; start += ToneMeter.WINDOW) {
            if (ToneMeter.share(hertz, samples, start, start + ToneMeter.WINDOW) > 0.2) {
                windows++;
            }
        }
        return windows;
    }

    @Test
    public void theSupervisorsPhoneIsHungUpWhenTheCallEndsAndWrongRequestsAreRefused() throws Exception {
        try (RtpPhone agent = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                RtpPhone supervisor = new RtpPhone("1002", AGENT_1002_PORT, SIP_PORT);
                RtpCaller caller = new RtpCaller(SIP_PORT, "4939102")) {
            assertEquals(200, caller.call("4000", WAIT));
            String callId = callOf("1001");
            try (AutoCloseable hangsUp = caller::hangUp) {
                assertTrue(execute("callcenter:listen no-such-call 1002")
                        .contains("no call no-such-call is in progress"));
                assertTrue(execute("callcenter:listen " + callId + " 1999")
                        .contains("extension 1999 has no registered phone"));
                assertTrue(execute("callcenter:listen " + callId + " 1001")
                        .contains("1001 is the agent of call " + callId));
                assertTrue(execute("callcenter:listen " + callId + " 1002 --stop")
                        .contains("1002 does not supervise call " + callId));

                execute("callcenter:listen --barge " + callId + " 1002");
                assertTrue(supervisor.awaitAnswered(WAIT));
                awaitCondition("the supervisor connected", () -> supervision(callId).equals(List.of("barge",
                        "connected")));
                caller.hangUp();
                assertTrue("the supervisor's phone was hung up with the call", supervisor.awaitHungUp(WAIT));
                assertTrue(agent.awaitHungUp(WAIT));
                awaitCondition("no supervision is left", () -> supervision(callId).isEmpty());
            }
        }
        String audit = execute("callcenter:audit");
        assertTrue(audit, audit.contains("supervisor 1002 barge"));
    }

    @Test
    public void aSupervisorListensToAnAgentsCallOut() throws Exception {
        try (RtpPhone agent = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                RtpPhone supervisor = new RtpPhone("1002", AGENT_1002_PORT, SIP_PORT);
                RtpPhone customer = new RtpPhone("5550100", OUTBOUND_TRUNK_PORT, SIP_PORT)) {
            String callId = service(CallControl.class).dial("1001", "5550100");
            assertTrue("the agent's phone rings first", agent.awaitAnswered(WAIT));
            assertTrue("then the number, through the trunk", customer.awaitAnswered(WAIT));
            try (AutoCloseable hangsUp = agent::hangUp; AutoCloseable agentTone = agent.speakTone(AGENT_HERTZ);
                    AutoCloseable customerTone = customer.speakTone(CALLER_HERTZ)) {
                awaitCondition("the supervisor is rung once the number answered", () -> {
                    try {
                        return execute("callcenter:listen " + callId + " 1002").contains("Ringing 1002");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(supervisor.awaitAnswered(WAIT));
                awaitCondition("the supervisor connected", () -> supervision(callId).equals(List.of("listen",
                        "connected")));
                Heard listening = listenTo(customer, agent, supervisor);
                System.out.println("listen-in on a call out: " + listening);
                assertTrue("the supervisor hears the customer " + listening, listening.supervisor(CALLER_HERTZ) > 0.2);
                assertTrue("the supervisor hears the agent " + listening, listening.supervisor(AGENT_HERTZ) > 0.2);
            }
            assertTrue("the number is hung up with the agent", customer.awaitHungUp(WAIT));
            assertTrue("and so is the supervisor", supervisor.awaitHungUp(WAIT));
        }
    }

    /** Mode and state of 1002's supervision of the call, as {@code callcenter:supervisions} lists it. */
    private List<String> supervision(String callId) {
        try {
            return ShellTables.lastTable(execute("callcenter:supervisions")).orElse(List.of()).stream()
                    .filter(row -> row.get("Call").equals(callId) && row.get("Supervisor").equals("1002"))
                    .map(row -> List.of(row.get("Mode"), row.get("State"))).findFirst().orElse(List.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the three phones receive over 1.2 s, from 0.4 s after now (the mixes settle). */
    private static Heard listenTo(TestPhone caller, TestPhone agent, TestPhone supervisor) throws InterruptedException {
        Thread.sleep(400);
        int[] from = { caller.received(), agent.received(), supervisor.received() };
        Thread.sleep(1200);
        return new Heard(Map.of("caller", slice(caller.audio(), from[0]), "agent", slice(agent.audio(), from[1]),
                "supervisor", slice(supervisor.audio(), from[2])));
    }

    private static byte[] slice(byte[] audio, int from) {
        return java.util.Arrays.copyOfRange(audio, from, audio.length);
    }

    /** The audio each phone received in one stretch. */
    private record Heard(Map<String, byte[]> audio) {
        double caller(double hertz) {
            return share("caller", hertz);
        }

        double agent(double hertz) {
            return share("agent", hertz);
        }

        double supervisor(double hertz) {
            return share("supervisor", hertz);
        }

        private double share(String phone, double hertz) {
            byte[] received = audio.get(phone);
            return received.length < ToneMeter.RATE / 2 ? 0
                    : ToneMeter.meanShare(hertz, received, 0, received.length);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(shares of 440/1000/2000 Hz:");
            for (String phone : List.of("caller", "agent", "supervisor")) {
                text.append(' ').append(phone).append(String.format(" %.2f/%.2f/%.2f", share(phone, CALLER_HERTZ),
                        share(phone, AGENT_HERTZ), share(phone, SUPERVISOR_HERTZ)));
            }
            return text.append(')').toString();
        }
    }
}
