package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.switchboard.api.ivr.IvrCall.QueuePlace;

public class FlowRunTest {
    private final ManualTimers timers = new ManualTimers();
    /** A Monday, 10:00 UTC. */
    private Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private RecordingCall run(Flow flow, String ani) {
        RecordingCall call = new RecordingCall(ani);
        new FlowRun(flow, call, timers, clock, () -> { }).start();
        return call;
    }

    private static final Flow REGION = TestFlows.flow("main",
            "numbers: [\"4008\"]",
            "start: welcome",
            "nodes:",
            "  welcome: {type: play, prompts: [welcome], next: region}",
            "  region: {type: menu, prompts: [region-menu], timeout: 5, retries: 2, invalid: [invalid],",
            "           variable: region, otherwise: q-support,",
            "           choices: {\"1\": {value: north, next: q-support}, \"2\": {value: south, next: q-sales}}}",
            "  q-support: {type: queue, queue: support}",
            "  q-sales: {type: queue, queue: sales, priority: 3, variables: {entry: unified}}");

    @Test
    public void aMenuKeyQueuesTheCallInItsBranchWithEverythingGathered() {
        RecordingCall call = run(REGION, "+861012345");
        assertTrue(call.answered);
        assertEquals("welcome", call.leg.lastPlayed());
        call.leg.finishPlayback();
        assertEquals("region-menu", call.leg.lastPlayed());

        call.leg.press("2");

        assertEquals("sales", call.queue);
        assertEquals(3, call.priority);
        assertEquals(Map.of("region", "south", "entry", "unified", "ivr.flow", "main",
                "ivr.path", "welcome,region,q-sales"), call.variables);
        assertEquals("music on hold while queued", RecordingLeg.MUSIC, call.leg.lastPlayed());
        assertFalse(call.hungUp);
    }

    @Test
    public void aKeyDuringTheMenuPromptIsTakenAtOnce() {
        RecordingCall call = run(REGION, "100");
        call.leg.finishPlayback();
        assertTrue(call.leg.isPlaying());

        call.leg.press("1");

        assertEquals("support", call.queue);
        assertEquals("north", call.variables.get("region"));
    }

    @Test
    public void noKeyReplaysTheMenuUntilTheRetriesAreUsedThenTakesOtherwise() {
        RecordingCall call = run(REGION, "100");
        call.leg.finishPlayback();

        for (int retry = 0; retry < 2; retry++) {
            call.leg.finishPlayback();
            timers.elapseSeconds(5);
            assertEquals("replayed without the invalid prompt", "region-menu", call.leg.lastPlayed());
        }
        call.leg.finishPlayback();
        timers.elapseSeconds(5);

        assertEquals("support", call.queue);
        assertNull("no choice, no region", call.variables.get("region"));
        assertEquals("welcome,region,q-support", call.variables.get("ivr.path"));
    }

    @Test
    public void theTimeoutStartsWhenThePromptHasPlayed() {
        RecordingCall call = run(REGION, "100");
        call.leg.finishPlayback();

        timers.elapseSeconds(60);

        assertEquals("still playing the menu: no timeout yet", List.of("welcome", "region-menu"), call.leg.played);
        assertNull(call.queue);
    }

    @Test
    public void aWrongKeyPlaysTheInvalidPromptThenTheMenuAgain() {
        RecordingCall call = run(REGION, "100");
        call.leg.finishPlayback();

        call.leg.press("7");

        assertEquals("invalid,region-menu", call.leg.lastPlayed());
        assertNull(call.queue);
        call.leg.press("2");
        assertEquals("sales", call.queue);
    }

    @Test
    public void wrongKeysBeyondTheRetriesWithoutOtherwiseHangUp() {
        Flow flow = TestFlows.flow("strict", "start: m", "nodes:",
                "  m: {type: menu, prompts: [menu], retries: 1, invalid: [invalid], choices: {\"1\": q}}",
                "  q: {type: queue, queue: support}");
        RecordingCall call = run(flow, "100");

        call.leg.press("9");
        call.leg.press("9");

        assertTrue(call.hungUp);
        assertNull(call.queue);
        call.leg.press("1");
        assertNull("keys after the end change nothing", call.queue);
    }

    private static final Flow ACCOUNT = TestFlows.flow("account", "start: acct", "nodes:",
            "  acct: {type: collect, prompts: [enter-account], variable: account, min: 4, max: 6,",
            "         terminator: \"#\", timeout: 5, retries: 1, invalid: [invalid], next: q, otherwise: bye}",
            "  q: {type: queue, queue: support}",
            "  bye: {type: hangup}");

    @Test
    public void collectedDigitsEndWithTheTerminator() {
        RecordingCall call = run(ACCOUNT, "100");

        call.leg.press("12345#");

        assertEquals("12345", call.variables.get("account"));
    }

    @Test
    public void collectingEndsAtTheMostDigits() {
        RecordingCall call = run(ACCOUNT, "100");
        call.leg.finishPlayback();

        call.leg.press("1234567");

        assertEquals("123456", call.variables.get("account"));
    }

    @Test
    public void collectingEndsWhenTheCallerStopsPressingKeys() {
        RecordingCall call = run(ACCOUNT, "100");
        call.leg.press("4711");
        assertNull(call.queue);

        timers.elapseSeconds(5);

        assertEquals("4711", call.variables.get("account"));
    }

    @Test
    public void tooFewDigitsAskAgainThenGoToOtherwise() {
        RecordingCall call = run(ACCOUNT, "100");

        call.leg.press("12#");
        assertEquals("invalid,enter-account", call.leg.lastPlayed());
        call.leg.press("3#");

        assertTrue(call.hungUp);
        assertNull(call.queue);
    }

    private Flow hours() {
        return TestFlows.flow("hours", "start: h", "nodes:",
                "  h: {type: hours, timezone: Asia/Shanghai, open: {mon-fri: \"09:00-18:00\"},",
                "      holidays: [\"2026-10-01\"], then: open, closed: closed}",
                "  open: {type: queue, queue: support}",
                "  closed: {type: play, prompts: [closed, goodbye], next: bye}",
                "  bye: {type: hangup}");
    }

    @Test
    public void duringBusinessHoursInTheFlowsTimeZoneTheCallGoesThrough() {
        clock = Clock.fixed(Instant.parse("2026-03-02T02:30:00Z"), ZoneOffset.UTC); // Monday 10:30 in Shanghai

        RecordingCall call = run(hours(), "100");

        assertEquals("support", call.queue);
    }

    @Test
    public void afterBusinessHoursInTheFlowsTimeZoneTheCallerHearsClosed() {
        clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC); // Monday 20:00 in Shanghai

        RecordingCall call = run(hours(), "100");

        assertEquals("closed,goodbye", call.leg.lastPlayed());
        call.leg.finishPlayback();
        assertTrue(call.hungUp);
        assertNull(call.queue);
    }

    @Test
    public void onAHolidayTheCallerHearsClosed() {
        clock = Clock.fixed(Instant.parse("2026-10-01T03:00:00Z"), ZoneOffset.UTC); // Thursday 11:00, a holiday

        RecordingCall call = run(hours(), "100");

        assertEquals("closed,goodbye", call.leg.lastPlayed());
    }

    @Test
    public void theEndOfTheDayIsMeasuredInTheFlowsTimeZone() {
        // Saturday 01:00 in Shanghai is still Friday 17:00 UTC: closed, as the weekend has begun there
        clock = Clock.fixed(Instant.parse("2026-03-06T17:00:00Z"), ZoneOffset.UTC);

        RecordingCall call = run(hours(), "100");

        assertNull(call.queue);
    }

    private static Flow blacklist(String action) {
        return TestFlows.flow("bl", "start: bl", "nodes:",
                "  bl: {type: blacklist, numbers: [\"+4930666\", \"0900*\"], " + action + ", next: q}",
                "  q: {type: queue, queue: support}");
    }

    @Test
    public void aBlacklistedCallerIsRejectedBeforeTheCallIsAnswered() {
        RecordingCall call = run(blacklist("action: reject"), "09001234567");

        assertEquals(603, call.rejectedWith);
        assertFalse(call.answered);
        assertNull(call.queue);
    }

    @Test
    public void theFlowTellsOnceThatItAnsweredAndNotAtAllWhenItRejects() {
        AtomicInteger told = new AtomicInteger();
        RecordingCall rejected = new RecordingCall("09001234567");
        new FlowRun(blacklist("action: reject"), rejected, timers, clock, told::incrementAndGet).start();
        assertEquals(0, told.get());

        RecordingCall answered = new RecordingCall("100");
        new FlowRun(REGION, answered, timers, clock, told::incrementAndGet).start();
        answered.leg.finishPlayback();
        answered.leg.press("1");
        assertEquals("support", answered.queue);
        assertEquals(1, told.get());
    }

    @Test
    public void theRejectStatusCanBeForbidden() {
        RecordingCall call = run(blacklist("status: 403"), "+4930666");

        assertEquals(403, call.rejectedWith);
    }

    @Test
    public void aBlacklistMessageIsPlayedBeforeTheHangUp() {
        RecordingCall call = run(blacklist("action: message, prompts: [closed, goodbye]"), "+4930666");

        assertTrue(call.answered);
        assertEquals("closed,goodbye", call.leg.lastPlayed());
        assertFalse(call.hungUp);
        call.leg.finishPlayback();
        assertTrue(call.hungUp);
        assertNull(call.queue);
    }

    @Test
    public void otherCallersPassTheBlacklist() {
        RecordingCall call = run(blacklist("action: reject"), "+49306660");

        assertEquals(0, call.rejectedWith);
        assertEquals("support", call.queue);
    }

    @Test
    public void setVariablesTravelWithTheCall() {
        Flow flow = TestFlows.flow("vip", "start: s", "nodes:",
                "  s: {type: set, variables: {service: gold, tier: \"1\"}, next: q}",
                "  q: {type: queue, queue: support, variables: {tier: \"2\"}}");

        RecordingCall call = run(flow, "100");

        assertEquals(Map.of("service", "gold", "tier", "2", "ivr.flow", "vip", "ivr.path", "s,q"), call.variables);
    }

    private static final Flow ANNOUNCED = TestFlows.flow("announced", "start: q", "nodes:",
            "  q: {type: queue, queue: support, announceSeconds: 30}");

    @Test
    public void aWaitingCallerHearsPositionAndWaitThenMusicAgain() {
        RecordingCall call = run(ANNOUNCED, "100");
        call.place = Optional.of(new QueuePlace(12, Duration.ofSeconds(130)));
        assertEquals(RecordingLeg.MUSIC, call.leg.lastPlayed());

        timers.elapseSeconds(30);

        assertEquals("position,digits/1,digits/2,estimated-wait,digits/3,minutes", call.leg.lastPlayed());
        call.leg.finishPlayback();
        assertEquals(RecordingLeg.MUSIC, call.leg.lastPlayed());

        call.place = Optional.of(new QueuePlace(1, Duration.ofSeconds(20)));
        timers.elapseSeconds(30);
        assertEquals("position,digits/1,estimated-wait,digits/1,minutes", call.leg.lastPlayed());
    }

    @Test
    public void announcementsStopWhenAnAgentHasTheCall() {
        RecordingCall call = run(ANNOUNCED, "100");
        call.place = Optional.of(new QueuePlace(2, Duration.ofSeconds(60)));
        timers.elapseSeconds(30);
        call.leg.finishPlayback();

        call.place = Optional.empty();
        timers.elapseSeconds(30);

        assertEquals(List.of(RecordingLeg.MUSIC, "position,digits/2,estimated-wait,digits/1,minutes",
                RecordingLeg.MUSIC), call.leg.played);
        assertEquals(0, timers.pendingTimers());
    }

    @Test
    public void announcementsStopWhenTheCallerHangsUp() {
        RecordingCall call = run(ANNOUNCED, "100");
        call.place = Optional.of(new QueuePlace(2, Duration.ofSeconds(60)));

        call.callerHangsUp();
        timers.elapseSeconds(120);

        assertEquals(List.of(RecordingLeg.MUSIC), call.leg.played);
    }

    private static final Flow CALLBACK = TestFlows.flow("callback", "start: q", "nodes:",
            "  q: {type: queue, queue: support, announceSeconds: 30, callbackKey: \"1\"}");

    @Test
    public void announcementsOfferTheCallbackAndItsKeyAsksForIt() {
        RecordingCall call = run(CALLBACK, "4930123");
        call.place = Optional.of(new QueuePlace(4, Duration.ofSeconds(200)));
        timers.elapseSeconds(30);
        assertEquals("position,digits/4,estimated-wait,digits/4,minutes,callback-offer,digits/1",
                call.leg.lastPlayed());

        call.leg.press("1");

        assertEquals(List.of(FlowRun.CALLBACK_CONFIRMED), call.callbackConfirmation);
        assertEquals("the flow is over: no more announcements", 0, timers.pendingTimers());
    }

    @Test
    public void callbackKeyDoesNothingOnceAnAgentHasTheCallOrWhenTheServerCannotCallBack() {
        RecordingCall call = run(CALLBACK, "4930123");
        call.place = Optional.empty();
        call.leg.press("1");
        assertNull("not waiting any more", call.callbackConfirmation);

        RecordingCall noTrunk = run(CALLBACK, "4930124");
        noTrunk.place = Optional.of(new QueuePlace(1, Duration.ofSeconds(10)));
        noTrunk.callbacksPossible = false;
        noTrunk.leg.press("1");
        assertNull(noTrunk.callbackConfirmation);
        timers.elapseSeconds(30);
        assertTrue("the caller keeps waiting and hearing announcements",
                noTrunk.leg.lastPlayed().startsWith("position"));
    }

    private static final Flow SURVEY = TestFlows.flow("survey", "save: true", "start: q1", "nodes:",
            "  q1: {type: menu, prompts: [survey-question], variable: survey.q1,",
            "       choices: {\"1\": q2, \"2\": q2, \"3\": q2, \"4\": q2, \"5\": q2}}",
            "  q2: {type: menu, prompts: [survey-question], variable: survey.q2,",
            "       choices: {\"1\": thanks, \"2\": thanks, \"3\": thanks, \"4\": thanks, \"5\": thanks}}",
            "  thanks: {type: play, prompts: [thank-you, goodbye], next: bye}",
            "  bye: {type: hangup}");

    @Test
    public void aSurveyStoresTheAnswersThenThanksAndHangsUp() {
        RecordingCall call = run(SURVEY, "100");

        call.leg.press("4");
        call.leg.press("5");
        assertEquals("thank-you,goodbye", call.leg.lastPlayed());
        call.leg.finishPlayback();

        assertTrue(call.hungUp);
        assertEquals(List.of(Map.of("survey.q1", "4", "survey.q2", "5")), call.saved);
        call.callerHangsUp();
        assertEquals("stored once", 1, call.saved.size());
    }

    @Test
    public void aSurveyStoresTheAnswersGivenWhenTheCallerHangsUpEarly() {
        RecordingCall call = run(SURVEY, "100");
        call.leg.press("2");

        call.callerHangsUp();

        assertEquals(List.of(Map.of("survey.q1", "2")), call.saved);
        assertFalse("the flow does not hang up a call that has ended", call.hungUp);
    }

    @Test
    public void aFlowWithoutSaveStoresNothing() {
        RecordingCall call = run(REGION, "100");
        call.leg.press("1");
        call.callerHangsUp();

        assertEquals(List.of(), call.saved);
    }

    @Test
    public void aCallerWhoHangsUpDuringAPromptEndsTheFlow() {
        RecordingCall call = run(REGION, "100");

        call.callerHangsUp();
        call.leg.finishPlayback();
        timers.elapseSeconds(60);

        assertEquals(List.of("welcome"), call.leg.played);
        assertNull(call.queue);
    }

    @Test
    public void aFailingStepHangsUpPolitely() {
        RecordingCall call = new RecordingCall("100");
        call.answerFailure = new IllegalStateException("no media");

        new FlowRun(REGION, call, timers, clock, () -> { }).start();

        assertTrue(call.hungUp);
        assertEquals(List.of(), call.leg.played);
    }

    @Test
    public void theAnnouncementRoundsTheWaitUpToWholeMinutes() {
        assertEquals(List.of("position", "digits/3", "estimated-wait", "digits/1", "digits/0", "minutes"),
                FlowRun.announcement(new QueuePlace(3, Duration.ofSeconds(541))));
    }
}
