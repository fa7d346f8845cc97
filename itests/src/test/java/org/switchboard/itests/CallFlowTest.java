package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;

/**
 * Call flows on the running distribution: the server answers, plays prompts over RTP and listens to the keys
 * the caller presses, then queues the call with what it gathered. Each test writes its own flow file into
 * etc/ivr (which the server picks up while running) and removes it afterwards.
 */
public class CallFlowTest extends SwitchboardTestSupport {

    @Test
    public void keyPressedInTheMenuQueuesTheCallWhereTheCallerChoseAndTheChoiceIsStoredWithTheCall()
            throws Exception {
        installFlow("itest-menu", """
                numbers: ["4091"]
                start: menu
                nodes:
                  menu:
                    type: menu
                    prompts: [digits/1, digits/2]
                    variable: department
                    timeout: 8
                    choices:
                      "1": {value: support, next: to-support}
                      "2": {value: sales, next: to-sales}
                  to-support: {type: queue, queue: support, variables: {reason: menu}}
                  to-sales: {type: queue, queue: sales}
                """, "4091");
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        onlyAvailable("1001");
        Set<String> before = callIds();

        Sipp.Run agent = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller-presses-1.xml", CALLER_PORT, "-s", "4091");
        agent.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertEquals("support", call.queue());
        assertEquals("1001", call.agentId());
        Map<String, String> variables = records().variables(call.callId());
        assertEquals("the menu's choice travels with the call: " + variables, "support",
                variables.get("department"));
        assertEquals("menu", variables.get("reason"));
        assertEquals("itest-menu", variables.get("ivr.flow"));
    }

    @Test
    public void callOnAHolidayHearsTheClosedMessageAndIsHungUp() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        installFlow("itest-closed", """
                numbers: ["4092"]
                start: hours
                nodes:
                  hours:
                    type: hours
                    timezone: UTC
                    open: {mon-sun: "00:00-24:00"}
                    holidays: ["%s", "%s", "%s"]
                    then: to-support
                    closed: closed
                  closed: {type: play, prompts: [closed], next: bye}
                  bye: {type: hangup}
                  to-support: {type: queue, queue: support}
                """.formatted(today.minusDays(1), today, today.plusDays(1)), "4092");

        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930555")) {
            assertEquals("the flow answers the call", 200, caller.call("4092", Duration.ofSeconds(5)));
            assertTrue("the server hangs up after the message", caller.awaitHangUp(Duration.ofSeconds(20)));

            AudioEnvelope heard = AudioEnvelope.ofMuLaw(caller.audio());
            AudioEnvelope closed = AudioEnvelope.ofWav(prompts().resolve("closed.wav"));
            assertTrue("the caller heard at least the length of the message: " + heard.frames() + " frames of 20 ms",
                    heard.frames() >= closed.frames());
            double match = heard.bestMatch(closed);
            assertTrue("what the caller heard follows the loudness of closed.wav (correlation " + match + ")",
                    match > 0.9);
        }
    }

    @Test
    public void blacklistedCallerIsRefusedBeforeAnswerAndAnyoneElseGetsThrough() throws Exception {
        installFlow("itest-blacklist", """
                numbers: ["4093"]
                start: screen
                nodes:
                  screen: {type: blacklist, numbers: ["0900*", "4930666"], action: reject, status: "603", next: hello}
                  hello: {type: play, prompts: [goodbye], next: bye}
                  bye: {type: hangup}
                """, "4093");

        try (RtpCaller nuisance = new RtpCaller(SIP_PORT, "0900123456")) {
            assertEquals(603, nuisance.call("4093", Duration.ofSeconds(5)));
            assertTrue("no media was sent to a refused caller", nuisance.audio().length == 0);
        }
        try (RtpCaller customer = new RtpCaller(SIP_PORT, "4930777")) {
            assertEquals(200, customer.call("4093", Duration.ofSeconds(5)));
            assertTrue(customer.awaitHangUp(Duration.ofSeconds(10)));
            AudioEnvelope heard = AudioEnvelope.ofMuLaw(customer.audio());
            assertTrue("the customer heard the goodbye prompt",
                    heard.bestMatch(AudioEnvelope.ofWav(prompts().resolve("goodbye.wav"))) > 0.9);
        }
    }

    @Test
    public void callerWaitingInTheQueueHearsTheirPositionBetweenMusic() throws Exception {
        installFlow("itest-waiting", """
                numbers: ["4094"]
                start: wait
                nodes:
                  wait: {type: queue, queue: support, announceSeconds: 1}
                """, "4094");
        onlyAvailable();

        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930888")) {
            assertEquals(200, caller.call("4094", Duration.ofSeconds(5)));
            // nobody is available: the queue's max wait (4 s in the tests) ends the call
            assertTrue("the server hangs up when the maximum wait is over", caller.awaitHangUp(Duration.ofSeconds(15)));

            AudioEnvelope heard = AudioEnvelope.ofMuLaw(caller.audio());
            double match = heard.bestMatch(AudioEnvelope.ofWav(prompts().resolve("position.wav")));
            assertTrue("the caller heard \"you are caller number\" (correlation " + match + ")", match > 0.9);
        }
    }

    @Test
    public void callerWhoAsksForACallbackKeepsTheirPlaceIsCalledBackAndThenConnectedToTheAgent() throws Exception {
        installFlow("itest-callback", """
                numbers: ["4095"]
                start: wait
                nodes:
                  wait: {type: queue, queue: support, announceSeconds: 1, callbackKey: "1"}
                """, "4095");
        onlyAvailable();
        Set<String> before = callIds();

        try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930777")) {
            assertEquals(200, caller.call("4095", Duration.ofSeconds(5)));
            caller.listen(Duration.ofSeconds(2));
            caller.press('1');
            assertTrue("the server confirms and hangs up", caller.awaitHangUp(Duration.ofSeconds(15)));
            assertTrue("the caller heard the confirmation", AudioEnvelope.ofMuLaw(caller.audio())
                    .bestMatch(AudioEnvelope.ofWav(prompts().resolve("callback-confirmed.wav"))) > 0.9);
        }
        String callId = records().recent(20).stream().filter(c -> !before.contains(c.callId())).findFirst()
                .orElseThrow().callId();
        assertEquals("the callback keeps its place: still queued", CallState.QUEUED,
                records().find(callId).orElseThrow().state());

        // the customer's phone behind the outbound trunk answers first, then the agent
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        Sipp.Run customer = sipp.start("agent-answer.xml", OUTBOUND_TRUNK_PORT, "-s", "4930777");
        Sipp.Run agent = sipp.start("agent-hangup.xml", AGENT_1001_PORT, "-s", "1001");
        onlyAvailable("1001");
        customer.expectSuccess();
        agent.expectSuccess();

        CallDetailRecord call = endedCallSince(before);
        assertEquals(callId, call.callId());
        assertEquals(Disposition.ANSWERED, call.disposition());
        assertEquals("4930777", records().variables(callId).get("callback.number"));
    }

    @Test
    public void afterTheAgentHangsUpTheCallerAnswersTheQueuesSurveyAndTheAnswerIsStoredWithTheCall()
            throws Exception {
        Path queueFile = Path.of(System.getProperty("karaf.etc"), "org.switchboard.acd.queue-support.cfg");
        String original = Files.readString(queueFile);
        registerPhoneIfNeeded("1001", AGENT_1001_PORT);
        onlyAvailable("1001");
        Set<String> before = callIds();
        try {
            Files.writeString(queueFile, withSurvey(original, "survey"), StandardCharsets.UTF_8);
            awaitCondition("the support queue names its survey", () -> "survey".equals(supportSetting("surveyFlow")));

            Sipp.Run agent = sipp.start("agent-hangup.xml", AGENT_1001_PORT, "-s", "1001");
            try (RtpCaller caller = new RtpCaller(SIP_PORT, "4930999")) {
                assertEquals(200, caller.call("4000", Duration.ofSeconds(10)));
                agent.expectSuccess();
                // the agent hangs up a second after answering; the question takes about 5 s
                caller.listen(Duration.ofSeconds(8));
                caller.press('4');
                assertTrue("the survey thanks the caller and hangs up", caller.awaitHangUp(Duration.ofSeconds(20)));
                AudioEnvelope heard = AudioEnvelope.ofMuLaw(caller.audio());
                assertTrue("the caller heard the survey question",
                        heard.bestMatch(AudioEnvelope.ofWav(prompts().resolve("survey-question.wav"))) > 0.9);
                assertTrue("and the thanks after the key",
                        heard.bestMatch(AudioEnvelope.ofWav(prompts().resolve("thank-you.wav"))) > 0.9);
            }
            CallDetailRecord call = endedCallSince(before);
            assertEquals(Disposition.ANSWERED, call.disposition());
            awaitCondition("the survey's answer stored with the call",
                    () -> "4".equals(records().variables(call.callId()).get("survey.q1")));
        } finally {
            Files.writeString(queueFile, original, StandardCharsets.UTF_8);
            awaitCondition("the support queue without survey again", () -> !"survey".equals(supportSetting("surveyFlow")));
        }
    }

    /** A setting of the support queue as Config Admin has it (what the operator's file says once read). */
    private String supportSetting(String key) {
        return configuredValue("(&(service.factoryPid=org.switchboard.acd.queue)(name=support))", key);
    }

    private static String withSurvey(String queueCfg, String flow) {
        return queueCfg.matches("(?s).*(?m)^surveyFlow\\s*=.*")
                ? queueCfg.replaceAll("(?m)^surveyFlow\\s*=.*$", "surveyFlow = " + flow)
                : queueCfg + "\nsurveyFlow = " + flow + "\n";
    }

    private static Path prompts() {
        return Paths.get(System.getProperty("karaf.home"), "media", "prompts");
    }

}
