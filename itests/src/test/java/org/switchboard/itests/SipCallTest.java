package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.Disposition;

/**
 * Calls end to end: a sipp caller dials the service number 4000, a sipp phone registered as agent 1001 answers,
 * and the server bridges them as a back-to-back user agent. Every call is then checked in its record.
 */
public class SipCallTest extends SwitchboardTestSupport {

    @Before
    public void agentPhoneIsRegistered() throws Exception {
        if (phones().find("1001").isEmpty()) {
            registerPhone("1001", AGENT_1001_PORT);
        }
    }

    @Test
    public void answeredCallIsBridgedAndRecordedFieldByField() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();
        Instant start = Instant.now();

        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        agent.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        Instant end = Instant.now();
        assertEquals("caller", call.ani());
        assertEquals("4000", call.dnis());
        assertEquals("support", call.queue());
        assertEquals("1001", call.agentId());
        assertEquals(CallState.ENDED, call.state());
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertTrue(!call.arrivedAt().isBefore(start.minusSeconds(1)));
        assertNotNull(call.offeredAt());
        assertNotNull(call.answeredAt());
        assertNotNull(call.endedAt());
        assertTrue(!call.offeredAt().isBefore(call.arrivedAt()));
        assertTrue(!call.answeredAt().isBefore(call.offeredAt()));
        assertTrue(!call.endedAt().isBefore(call.answeredAt()));
        assertTrue(!call.endedAt().isAfter(end));
        assertEquals("the agent answers at once", 0, call.waitSeconds(end));
        assertEquals("the caller hangs up after one second", 1, call.talkSeconds(end), 1);
        assertEquals(AgentState.AVAILABLE, agents().agent("1001").orElseThrow().state());

        String listed = execute("callcenter:calls");
        assertTrue(listed, listed.lines().anyMatch(l -> l.startsWith(call.callId()) && l.contains("answered")
                && l.contains("1001") && l.contains("4000")));
        assertEquals(4, records().history(call.callId()).size());
    }

    @Test
    public void agentHangingUpEndsTheCallerToo() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();

        Sipp.Run agent = sipp.start("agent-hangup.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller-waits-for-agent-bye.xml", CALLER_PORT, "-s", "4000");
        agent.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertTrue(records().history(call.callId()).get(3).detail().contains("hung up by agent"));
    }

    @Test
    public void holdReInviteIsAnsweredByTheServerWhichAnchorsTheMediaWithoutBotheringTheAgentsPhone()
            throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();

        // agent-answer.xml fails on any request but the final BYE: the hold must not reach the agent's phone
        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller-holds.xml", CALLER_PORT, "-s", "4000");
        agent.expectSuccess();

        assertEquals(Disposition.ANSWERED, endedCallSince(before).disposition());
    }

    @Test
    public void callerPutOnHoldByTheAgentHearsMusicOnHold() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();

        Sipp.Run agent = sipp.start("agent-holds.xml", AGENT_1001_PORT, "-s", "1001");
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930111")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            assertTrue("the agent hangs up after the hold", caller.awaitHangUp(Duration.ofSeconds(15)));
            agent.expectSuccess();

            AudioEnvelope music = AudioEnvelope.ofWav(Path.of(System.getProperty("karaf.home"), "media", "moh",
                    "default.wav"));
            double match = AudioEnvelope.ofMuLaw(caller.audio()).bestMatch(music.first(3));
            assertTrue("the held caller heard the music on hold (correlation " + match + ")", match > 0.9);
        }
        assertEquals(Disposition.ANSWERED, endedCallSince(before).disposition());
    }

    @Test
    public void busyAgentSendsTheCallBackToTheQueueAndTheNextAgentAnswers() throws Exception {
        if (phones().find("1002").isEmpty()) {
            registerPhone("1002", AGENT_1002_PORT);
        }
        onlyAvailable();
        agents().login("1002", List.of("support"));
        Thread.sleep(50);
        agents().login("1001", List.of("support"));
        Set<String> before = callIds();

        Sipp.Run busy = sipp.start("agent-busy.xml", AGENT_1002_PORT, "-s", "1002");
        Sipp.Run answering = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        busy.expectSuccess();
        answering.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertEquals("1001", call.agentId());
        List<CallStateChange> history = records().history(call.callId());
        assertEquals(List.of(CallState.QUEUED, CallState.OFFERED, CallState.QUEUED, CallState.OFFERED,
                CallState.ANSWERED, CallState.ENDED), history.stream().map(CallStateChange::state).toList());
        assertTrue(history.get(2).detail(), history.get(2).detail().contains("1002")
                && history.get(2).detail().contains("486"));
        assertEquals("one busy answer does not pause the agent", AgentState.AVAILABLE,
                agents().agent("1002").orElseThrow().state());
    }

    @Test
    public void callerWhoHangsUpWhileQueuedIsRecordedAsAbandoned() throws Exception {
        onlyAvailable();
        Set<String> before = callIds();

        sipp.play("caller-abandon.xml", CALLER_PORT, "-s", "4000");

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ABANDONED, call.disposition());
        assertNull(call.agentId());
        assertNull(call.answeredAt());
        assertEquals(0, call.talkSeconds(Instant.now()));
        assertTrue("waited about 1.5 s", call.waitSeconds(Instant.now()) <= 3);
    }

    @Test
    public void callerWhoHangsUpWhileTheAgentRingsIsAbandonedAndTheAgentsPhoneStopsRinging() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();

        Sipp.Run agent = sipp.start("agent-rings.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller-abandon.xml", CALLER_PORT, "-s", "4000");
        agent.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ABANDONED, call.disposition());
        assertEquals("1001", call.agentId());
        assertNotNull(call.offeredAt());
        assertNull(call.answeredAt());
        awaitAgentState("1001", AgentState.AVAILABLE);
    }

    @Test
    public void callWithNoAgentLoggedInWaitsTheQueuesMaxWaitThenGets480() throws Exception {
        onlyAvailable();
        Set<String> before = callIds();

        sipp.play("caller-no-agent.xml", CALLER_PORT, "-s", "4000");

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.NO_AGENT, call.disposition());
        assertEquals("maxWaitSeconds is 4 in this test setup", 4, call.waitSeconds(Instant.now()), 1);
        assertNull(call.agentId());
    }

    @Test
    public void callToANumberNoQueueServesGets404() throws Exception {
        Set<String> before = callIds();

        sipp.play("caller-unknown-number.xml", CALLER_PORT, "-s", "4999");

        assertEquals(before, callIds());
    }

    @Test
    public void malformedDatagramIsIgnoredAndTheNextCallStillWorks() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (String garbage : new String[] { "\u0000\u0001 not SIP at all \r\n\r\n",
                "INVITE sip:4000@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\nCSeq: abc\r\n\r\n",
                "SIP/2.0 200 OK\r\n\r\n" }) {
                byte[] bytes = garbage.getBytes(StandardCharsets.ISO_8859_1);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(Sipp.HOST), SIP_PORT));
            }
        }
        answeredCallIsBridgedAndRecordedFieldByField();
    }
}
