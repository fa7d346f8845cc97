package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;

/**
 * Third-party call control as the agent's desktop uses it: the server holds, resumes, hangs up and transfers calls
 * on the phones through SIP, with the media anchored in it.
 */
public class CallControlTest extends SwitchboardTestSupport {

    @Before
    public void registerPhones() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        registerPhoneIfNeeded("1002", AGENT_1002_PORT);
    }

    @Test
    public void desktopHoldsTheCallerWithMusicResumesAndHangsUpBothPhones() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();
        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930222")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            String callId = callOf("1001");

            control().hold(callId);
            caller.listen(Duration.ofSeconds(4));
            AudioEnvelope music = AudioEnvelope.ofWav(Path.of(System.getProperty("karaf.home"), "media", "moh",
                    "default.wav"));
            double match = AudioEnvelope.ofMuLaw(caller.audio()).bestMatch(music.first(3));
            assertTrue("the held caller hears the music on hold (correlation " + match + ")", match > 0.9);
            CallControlException twice = assertThrows(CallControlException.class, () -> control().hold(callId));
            assertTrue(twice.getMessage(), twice.getMessage().contains("already on hold"));

            control().resume(callId);
            control().hangUp(callId);
            assertTrue("the caller's phone gets a BYE", caller.awaitHangUp(Duration.ofSeconds(5)));
            agent.expectSuccess();
        }
        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertTrue(records().history(call.callId()).stream().anyMatch(c -> c.detail().contains("hung up by agent")));
    }

    @Test
    public void blindTransferToAQueueStartsANewRecordThatNamesTheFirstAndAnotherAgentTakesIt() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();
        Sipp.Run first = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930333")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            String firstId = callOf("1001");
            agents().login("1002", List.of("sales"));
            Sipp.Run second = sipp.start("agent-hangup.xml", AGENT_1002_PORT, "-s", "1002");

            control().transfer(firstId, "queue:sales");
            first.expectSuccess();
            second.expectSuccess();
            assertTrue("the caller is hung up when the second agent hangs up", caller.awaitHangUp(
                    Duration.ofSeconds(10)));

            CallDetailRecord firstRecord = records().find(firstId).orElseThrow();
            assertEquals(Disposition.ANSWERED, firstRecord.disposition());
            assertEquals("queue:sales", records().variables(firstId).get("transfer.to"));
            awaitCondition("the transferred call's own record ended", () -> records().recent(20).stream()
                    .anyMatch(c -> !before.contains(c.callId()) && !c.callId().equals(firstId)
                            && c.state() == CallState.ENDED));
            CallDetailRecord transferred = records().recent(20).stream()
                    .filter(c -> !before.contains(c.callId()) && !c.callId().equals(firstId)).findFirst()
                    .orElseThrow();
            assertEquals("sales", transferred.queue());
            assertEquals("1002", transferred.agentId());
            assertEquals(Disposition.ANSWERED, transferred.disposition());
            Map<String, String> variables = records().variables(transferred.callId());
            assertEquals(firstId, variables.get("transfer.from"));
            assertEquals("1001", variables.get("transfer.agent"));
        } finally {
            agents().logout("1002");
        }
    }

    @Test
    public void blindTransferToAnAgentRingsThatAgentEvenWhenAnotherWouldBeChosenFirst() throws Exception {
        onlyAvailable("1001");
        Set<String> before = callIds();
        Sipp.Run first = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930666")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            String firstId = callOf("1001");
            agents().login("1002", List.of("support"));
            Sipp.Run second = sipp.start("agent-hangup.xml", AGENT_1002_PORT, "-s", "1002");

            control().transfer(firstId, "agent:1002");
            first.expectSuccess();
            second.expectSuccess();
            assertTrue(caller.awaitHangUp(Duration.ofSeconds(10)));
        } finally {
            agents().logout("1002");
        }
        awaitCondition("both records ended", () -> records().recent(20).stream()
                .filter(c -> !before.contains(c.callId())).allMatch(c -> c.state() == CallState.ENDED)
                && records().recent(20).stream().filter(c -> !before.contains(c.callId())).count() == 2);
        CallDetailRecord transferred = records().recent(20).stream()
                .filter(c -> !before.contains(c.callId()) && "1002".equals(c.agentId())).findFirst().orElseThrow();
        assertEquals(Disposition.ANSWERED, transferred.disposition());
        assertEquals("1002", records().variables(transferred.callId()).get("transfer.toAgent"));
    }

    @Test
    public void blindTransferToANumberGoesThroughTheOutboundTrunkAndTheCallerTalksToIt() throws Exception {
        onlyAvailable("1001");
        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        Sipp.Run outside = sipp.start("agent-answer.xml", OUTBOUND_TRUNK_PORT, "-s", "outside");
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930444")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            String callId = callOf("1001");

            control().transfer(callId, "number:5551234");
            agent.expectSuccess();
            awaitCondition("agent 1001 free again", () -> agents().agent("1001").map(AgentStatus::state)
                    .filter(state -> state == AgentState.AVAILABLE || state == AgentState.WRAP_UP).isPresent());
            caller.listen(Duration.ofSeconds(1));
            caller.hangUp();
            outside.expectSuccess();
            assertEquals("number:5551234", records().variables(callId).get("transfer.to"));
        }
    }

    @Test
    public void agentDialsOutTheAgentsPhoneRingsFirstThenTheNumberAndTheCallIsRecorded() throws Exception {
        onlyAvailable("1001");
        agents().pause("1001", "lunch");
        Sipp.Run agentPhone = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        Sipp.Run number = sipp.start("agent-hangup.xml", OUTBOUND_TRUNK_PORT, "-s", "5557777");

        String callId = control().dial("1001", "5557777");

        agentPhone.expectSuccess();
        number.expectSuccess();
        awaitCondition("the call out ended", () -> records().find(callId).map(c -> c.state() == CallState.ENDED)
                .orElse(false));
        CallDetailRecord call = records().find(callId).orElseThrow();
        assertEquals("outbound", call.queue());
        assertEquals("5557777", call.dnis());
        assertEquals("1001", call.agentId());
        assertEquals(Disposition.ANSWERED, call.disposition());
        CallControlException busy = assertThrows(CallControlException.class, () -> control().dial("1001", "12x"));
        assertTrue(busy.getMessage(), busy.getMessage().contains("not a number"));
    }

    @Test
    public void requestsThatCannotBeCarriedOutAreRefusedWithAReason() throws Exception {
        assertTrue(assertThrows(CallControlException.class, () -> control().hangUp("no-such-call")).getMessage()
                .contains("no call no-such-call"));
        onlyAvailable("1001");
        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930555")) {
            assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
            String callId = callOf("1001");
            assertTrue(assertThrows(CallControlException.class, () -> control().transfer(callId, "queue:nowhere"))
                    .getMessage().contains("no queue nowhere"));
            assertTrue(assertThrows(CallControlException.class, () -> control().transfer(callId, "number:12ab"))
                    .getMessage().contains("not a number"));
            assertTrue(assertThrows(CallControlException.class, () -> control().transfer(callId, "moon"))
                    .getMessage().contains("queue:NAME"));
            control().hangUp(callId);
            agent.expectSuccess();
        }
    }

    private CallControl control() {
        return service(CallControl.class);
    }
}
