package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.call.CallState;
import org.switchboard.api.sip.SipStatistics;

/**
 * A phone that loses its power or its network in a call sends no BYE and no more RTP. Once the media timeout
 * ({@code mediaTimeoutSeconds} in etc/org.switchboard.media.cfg, 2 s here) passes, the server hangs that party up and
 * the call ends as if it had hung up, so that the agent is free again; a party that keeps talking is never cut off.
 */
public class MediaTimeoutTest extends SwitchboardTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int TIMEOUT_SECONDS = 2;

    private Path cfg;
    private String original;

    @Before
    public void shortMediaTimeout() throws Exception {
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        onlyAvailable("1001");
        cfg = Path.of(System.getProperty("karaf.etc"), "org.switchboard.media.cfg");
        original = Files.readString(cfg);
        assertTrue("the shipped file sets mediaTimeoutSeconds", original.contains("\nmediaTimeoutSeconds = 60\n"));
        Files.writeString(cfg, original.replace("\nmediaTimeoutSeconds = 60\n",
                "\nmediaTimeoutSeconds = " + TIMEOUT_SECONDS + "\n"));
        awaitCondition("the media timeout read", () -> Integer.toString(TIMEOUT_SECONDS).equals(mediaTimeout()));
    }

    @After
    public void defaultMediaTimeout() throws Exception {
        Files.writeString(cfg, original);
        awaitCondition("the media timeout back to the default", () -> "60".equals(mediaTimeout()));
    }

    @Test
    public void aCallerWhosePhoneFallsSilentIsHungUpAndTheAgentIsFreedWhileOneWhoTalksStays() throws Exception {
        try (RtpPhone agent = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                RtpCaller caller = new RtpCaller(SIP_PORT, "4939201");
                AutoCloseable agentTone = agent.speakTone(1000)) {
            long hungUpBefore = service(SipStatistics.class).partiesHungUpForNoMedia();
            assertEquals(200, caller.call("4000", WAIT));
            String callId = callOf("1001");
            AutoCloseable callerTone = caller.speakTone(440);
            assertFalse("a caller who talks for twice the media timeout is not hung up",
                    caller.awaitHangUp(Duration.ofSeconds(2 * TIMEOUT_SECONDS)));
            assertEquals(CallState.ANSWERED, records().find(callId).orElseThrow().state());

            callerTone.close(); // the caller's phone goes silent, and sends no BYE
            long silentAt = System.nanoTime();
            assertTrue("the silent caller gets a BYE", caller.awaitHangUp(WAIT));
            long afterMillis = (System.nanoTime() - silentAt) / 1_000_000;
            assertTrue("not before the media timeout: " + afterMillis + " ms", afterMillis >= TIMEOUT_SECONDS * 900L);
            assertTrue("the agent's phone is hung up", agent.awaitHungUp(WAIT));
            assertEquals("counted for monitoring", hungUpBefore + 1,
                    service(SipStatistics.class).partiesHungUpForNoMedia());
            awaitCondition("the call ended",
                    () -> records().find(callId).map(call -> call.state() == CallState.ENDED).orElse(false));
            awaitCondition("the agent no longer on the call", () -> agents().agent("1001").orElseThrow()
                    .state() != AgentState.ON_CALL);
        }
    }

    @Test
    public void anAgentWhosePhoneFallsSilentIsHungUpAndTheCallEnds() throws Exception {
        try (RtpPhone agent = new RtpPhone("1001", AGENT_1001_PORT, SIP_PORT);
                RtpCaller caller = new RtpCaller(SIP_PORT, "4939202");
                AutoCloseable callerTone = caller.speakTone(440)) {
            assertEquals(200, caller.call("4000", WAIT));
            String callId = callOf("1001");
            assertTrue("the agent's phone, which never sent RTP, gets a BYE", agent.awaitHungUp(WAIT));
            assertTrue("and so does the caller (no survey in this queue)", caller.awaitHangUp(WAIT));
            awaitCondition("the call ended",
                    () -> records().find(callId).map(call -> call.state() == CallState.ENDED).orElse(false));
        }
        awaitAgentState("1001", AgentState.AVAILABLE);
    }

    private String mediaTimeout() {
        return configuredValue("(service.pid=org.switchboard.media)", "mediaTimeoutSeconds");
    }
}
