package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;

public class CallDistributionTest extends DistributionFixture {
    @Test
    public void callWaitsUntilAnAgentLogsInThenIsOfferedToThatAgent() {
        ScriptedLeg leg = call("c1");
        assertTrue(leg.offers.isEmpty());
        assertEquals(CallState.QUEUED, record("c1").state());

        phones.register("1001");
        acd.login("1001", List.of("support"));

        assertEquals("1001", leg.lastOffer().agentId());
        assertEquals("sip:1001@127.0.0.1:5091", leg.lastOffer().contact());
        assertEquals(Duration.ofSeconds(15), leg.lastOffer().ringTimeout());
        assertEquals(CallState.OFFERED, record("c1").state());
        assertEquals(AgentState.RESERVED, agent("1001").state());
    }

    @Test
    public void agentWhosePhoneIsNotRegisteredIsNeverOfferedAndTheStatusSaysWhy() {
        acd.login("1001", List.of("support"));
        ScriptedLeg leg = call("c1");

        assertTrue(leg.offers.isEmpty());
        assertTrue(agent("1001").availability().contains("not registered"));

        phones.register("1001");
        acd.redistribute();
        assertEquals("1001", leg.lastOffer().agentId());
    }

    @Test
    public void answeredCallIsRecordedFieldByFieldAndTheAgentIsFreedWhenItEnds() {
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        clock.advance(Duration.ofSeconds(3));
        acd.agentRinging("c1", "1001");
        assertEquals(AgentState.RINGING, agent("1001").state());
        acd.offerAnswered("c1", "1001");
        assertEquals(AgentState.ON_CALL, agent("1001").state());
        clock.advance(Duration.ofSeconds(40));
        acd.callEnded("c1", "caller");

        CallDetailRecord cdr = record("c1");
        assertEquals(CallState.ENDED, cdr.state());
        assertEquals(Disposition.ANSWERED, cdr.disposition());
        assertEquals("1001", cdr.agentId());
        assertEquals("5551234", cdr.ani());
        assertEquals("4000", cdr.dnis());
        assertEquals("support", cdr.queue());
        assertEquals(3, cdr.waitSeconds(clock.instant()));
        assertEquals(40, cdr.talkSeconds(clock.instant()));
        assertEquals(List.of(CallState.QUEUED, CallState.OFFERED, CallState.ANSWERED, CallState.ENDED),
                records.history("c1").stream().map(c -> c.state()).toList());
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
        assertEquals(1, leg.offers.size());
    }

    @Test
    public void callNotAnsweredGoesBackToTheHeadOfTheQueueAndIsOfferedToTheNextAgent() {
        readyAgents("1001", "1002");
        ScriptedLeg first = call("c1");
        String firstAgent = first.lastOffer().agentId();
        ScriptedLeg second = call("c2");
        String secondAgent = second.lastOffer().agentId();

        acd.offerFailed("c1", firstAgent, OfferOutcome.BUSY, "answered 486 Busy Here");

        assertEquals(2, first.offers.size());
        assertEquals("the freed agent takes the oldest call again", firstAgent, first.lastOffer().agentId());
        assertEquals(1, second.offers.size());
        assertFalse(firstAgent.equals(secondAgent));
        assertEquals(1, records.history("c1").stream().filter(c -> c.state() == CallState.QUEUED
                && c.detail().contains("486")).count());
    }

    @Test
    public void agentIsPausedAfterTheQueuesNumberOfUnansweredOffersInARow() {
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "did not answer in time");
        assertEquals(AgentState.RESERVED, agent("1001").state());
        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "did not answer in time");

        assertEquals(AgentState.PAUSED, agent("1001").state());
        assertEquals(2, leg.offers.size());
        assertEquals(CallState.QUEUED, record("c1").state());
    }

    @Test
    public void abandonedCallIsRecordedWithItsWaitTime() {
        ScriptedLeg leg = call("c1");
        clock.advance(Duration.ofSeconds(7));
        acd.callerAbandoned("c1");

        CallDetailRecord cdr = record("c1");
        assertEquals(Disposition.ABANDONED, cdr.disposition());
        assertEquals(7, cdr.waitSeconds(clock.instant()));
        assertEquals(0, cdr.talkSeconds(clock.instant()));
        assertNull(leg.releasedWith);
        assertEquals(0, acd.callsInProgress());
    }

    @Test
    public void abandonWhileRingingFreesTheAgent() {
        readyAgents("1001");
        call("c1");
        acd.agentRinging("c1", "1001");
        acd.callerAbandoned("c1");

        assertEquals(Disposition.ABANDONED, record("c1").disposition());
        assertEquals("1001", record("c1").agentId());
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
    }

    @Test
    public void callThatNoAgentTakesWithinMaxWaitIsReleasedWith480AsNoAgent() {
        ScriptedLeg leg = call("c1");
        timers.advance(Duration.ofSeconds(59));
        assertNull(leg.releasedWith);
        timers.advance(Duration.ofSeconds(1));

        assertEquals(Integer.valueOf(480), leg.releasedWith);
        assertEquals(Disposition.NO_AGENT, record("c1").disposition());
        assertEquals(60, record("c1").waitSeconds(clock.instant()));
    }

    @Test
    public void maxWaitReachedWhileRingingEndsTheCallOnlyWhenTheOfferFails() {
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        timers.advance(Duration.ofSeconds(60));
        assertNull("a ringing call is not cut off", leg.releasedWith);

        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "did not answer in time");
        assertEquals(Integer.valueOf(480), leg.releasedWith);
        assertEquals(Disposition.NO_AGENT, record("c1").disposition());
    }

    @Test
    public void offerWithoutAResultIsWithdrawnARingTimeoutAndAGraceAfterMaxWaitAndTheCallReleased() {
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        timers.advance(Duration.ofSeconds(60));
        timers.advance(Duration.ofSeconds(15).plus(CallDistribution.OFFER_RESULT_GRACE).minusMillis(1));
        assertNull("the offer may still end within its ring timeout", leg.releasedWith);

        timers.advance(Duration.ofMillis(1));

        assertEquals(Integer.valueOf(480), leg.releasedWith);
        assertEquals(List.of("1001"), leg.withdrawn);
        assertEquals(Disposition.NO_AGENT, record("c1").disposition());
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
        assertEquals(0, acd.callsInProgress());

        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "487 at last");
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
        assertEquals(1, records.history("c1").stream().filter(c -> c.state() == CallState.ENDED).count());
    }

    @Test
    public void offerWithoutAResultAtMaxWaitSendsTheCallToTheOverflowQueue() throws SettingsException {
        acd.defineQueue(QueueSettings.of("backup", List.of("4100"), Duration.ofSeconds(60), Duration.ofSeconds(15),
                2));
        acd.defineQueue(support().withOverflow("backup"));
        readyAgents("1001");
        ScriptedLeg leg = call("c1");

        timers.advance(Duration.ofSeconds(60));
        timers.advance(Duration.ofSeconds(15).plus(CallDistribution.OFFER_RESULT_GRACE));

        assertNull(leg.releasedWith);
        assertEquals("backup", record("c1").queue());
        assertEquals(CallState.QUEUED, record("c1").state());
        assertEquals(List.of("1001"), leg.withdrawn);
    }

    @Test
    public void answeredCallIsNotReleasedWhenMaxWaitWouldHavePassed() {
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        acd.offerAnswered("c1", "1001");
        timers.advance(Duration.ofSeconds(120));
        assertNull(leg.releasedWith);
        assertEquals(CallState.ANSWERED, record("c1").state());
    }

    @Test
    public void longestIdleAgentIsChosen() {
        readyAgents("1002");
        clock.advance(Duration.ofSeconds(5));
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        assertEquals("1002", leg.lastOffer().agentId());
    }

    @Test
    public void twoCallsForTheLastAgentOfferOnlyOne() {
        readyAgents("1001");
        ScriptedLeg first = call("c1");
        ScriptedLeg second = call("c2");
        assertEquals(1, first.offers.size());
        assertTrue(second.offers.isEmpty());
        assertEquals(CallState.QUEUED, record("c2").state());
    }

    @Test
    public void agentWhoLogsOutWhileBeingOfferedHasTheOfferWithdrawnAndTheCallWaitsAgain() {
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        acd.logout("1001");

        assertEquals(List.of("1001"), leg.withdrawn);
        assertEquals(AgentState.LOGGED_OUT, agent("1001").state());
        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "offer withdrawn");
        assertEquals(CallState.QUEUED, record("c1").state());
        assertEquals(AgentState.LOGGED_OUT, agent("1001").state());
    }

    @Test
    public void agentOnACallIsLoggedOutWhenTheCallEnds() {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        assertEquals(AgentState.ON_CALL, acd.logout("1001").state());
        acd.callEnded("c1", "agent");
        assertEquals(AgentState.LOGGED_OUT, agent("1001").state());
    }

    @Test
    public void everyAgentStateChangeIsJournaled() {
        readyAgents("1001");
        call("c1");
        acd.agentRinging("c1", "1001");
        acd.offerAnswered("c1", "1001");
        acd.callEnded("c1", "caller");
        assertEquals(List.of(AgentState.AVAILABLE, AgentState.RESERVED, AgentState.RINGING, AgentState.ON_CALL,
                AgentState.AVAILABLE), journal.changes.stream().map(c -> c.state()).toList());
        assertEquals(1, decisions.forCall("c1").size());
        assertEquals("longest-idle", decisions.forCall("c1").get(0).strategy());
    }

    @Test
    public void loginToAnUnknownQueueOrAsAnUnknownAgentIsRefusedWithTheReason() {
        AcdException unknownQueue = assertThrows(AcdException.class, () -> acd.login("1001", List.of("sales")));
        assertTrue(unknownQueue.getMessage().contains("sales"));
        AcdException unknownAgent = assertThrows(AcdException.class, () -> acd.login("9999", List.of("support")));
        assertTrue(unknownAgent.getMessage().contains("9999"));
    }

    @Test
    public void aNumberCanLeadToOnlyOneQueue() {
        SettingsException conflict = assertThrows(SettingsException.class, () -> acd.defineQueue(
                QueueSettings.of("sales", List.of("5000", "4000"), Duration.ofSeconds(60), Duration.ofSeconds(15),
                        3)));
        assertEquals("numbers", conflict.key());
        assertEquals(Map.of("4000", "support"), acd.queueNumbers());
    }

}
