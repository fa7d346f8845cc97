package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;

public class StrategyDecisionTest extends DistributionFixture {

    @Test
    public void queueUsesTheStrategyItNamesAndTheDecisionIsKeptWithItsReason() throws SettingsException {
        install("highest-id", request -> RoutingDecision.choose(request.candidates().stream()
                .map(CandidateAgent::agentId).max(Comparator.naturalOrder()).orElseThrow(), "highest id wins"));
        acd.defineQueue(support().withStrategy("highest-id"));
        readyAgents("1001", "1002", "1003");

        ScriptedLeg leg = call("c1");

        assertEquals("1003", leg.lastOffer().agentId());
        RoutingDecisionRecord decision = decisions.forCall("c1").get(0);
        assertEquals("highest-id", decision.strategy());
        assertEquals("1.0.0", decision.strategyVersion());
        assertEquals("1003", decision.chosenAgent());
        assertEquals("highest id wins", decision.reason());
        assertEquals(3, decision.candidates());
        assertNull(decision.fallbackCause());
    }

    @Test
    public void strategyThatThrowsIsSkippedAndTheFallbackDecides() throws SettingsException {
        install("broken", request -> {
            throw new IllegalStateException("bug in an ISV strategy");
        });
        acd.defineQueue(support().withStrategy("broken"));
        readyAgents("1002");
        clock.advance(java.time.Duration.ofSeconds(1));
        readyAgents("1001");

        ScriptedLeg leg = call("c1");

        assertEquals("the built-in longest idle decides", "1002", leg.lastOffer().agentId());
        RoutingDecisionRecord decision = decisions.forCall("c1").get(0);
        assertEquals("longest-idle", decision.strategy());
        assertTrue(decision.fallbackCause(), decision.fallbackCause().contains("broken")
                && decision.fallbackCause().contains("bug in an ISV strategy"));
    }

    @Test
    public void strategySlowerThanItsBudgetIsSkippedAndTheCallIsStillOffered() throws SettingsException {
        install("sleepy", request -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RoutingDecision.choose("1001", "too late");
        });
        acd.defineQueue(support().withStrategy("sleepy"));
        readyAgents("1001", "1002");

        ScriptedLeg leg = call("c1");

        assertEquals(1, leg.offers.size());
        assertTrue(decisions.forCall("c1").get(0).fallbackCause().contains("budget of 50 ms"));
    }

    @Test
    public void inlineStrategyRunsOnTheDecisionThreadUntilItOverrunsItsBudgetOnce() throws SettingsException {
        List<String> threads = new java.util.ArrayList<>();
        installInline("moody", request -> {
            threads.add(Thread.currentThread().getName());
            if (threads.size() == 2) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return RoutingDecision.choose(request.candidates().get(0).agentId(), "first");
        });
        acd.defineQueue(support().withStrategy("moody"));
        readyAgents("1001", "1002", "1003");
        String decisionThread = Thread.currentThread().getName();

        call("c1");
        call("c2");
        call("c3");

        assertEquals(decisionThread, threads.get(0));
        assertEquals(decisionThread, threads.get(1));
        assertTrue("demoted to the pool", !threads.get(2).equals(decisionThread));
        assertEquals("moody", decisions.forCall("c1").get(0).strategy());
        assertTrue(decisions.forCall("c2").get(0).fallbackCause().contains("budget"));
        assertEquals("moody", decisions.forCall("c3").get(0).strategy());
    }

    @Test
    public void strategyChoosingAnAgentWhoWasNotACandidateIsSkipped() throws SettingsException {
        install("confused", request -> RoutingDecision.choose("9999", "someone else"));
        acd.defineQueue(support().withStrategy("confused"));
        readyAgents("1001");

        ScriptedLeg leg = call("c1");

        assertEquals("1001", leg.lastOffer().agentId());
        assertTrue(decisions.forCall("c1").get(0).fallbackCause().contains("9999"));
    }

    @Test
    public void missingStrategyMeansTheFallbackStrategyDecidesUntilItIsInstalled() throws SettingsException {
        acd.defineQueue(support().withStrategy("not-yet"));
        readyAgents("1001", "1002");

        call("c1");
        assertEquals("strategy not-yet is not installed", decisions.forCall("c1").get(0).fallbackCause());

        install("not-yet", request -> RoutingDecision.choose("1002", "now installed"));
        ScriptedLeg second = call("c2");
        assertEquals("1002", second.lastOffer().agentId());
        assertEquals("not-yet", decisions.forCall("c2").get(0).strategy());
    }

    @Test
    public void strategyThatWantsNobodyNowLeavesTheCallWaitingWithoutLooping() throws SettingsException {
        install("picky", request -> RoutingDecision.ranked(List.of(), "nobody suits"));
        acd.defineQueue(support().withStrategy("picky"));
        readyAgents("1001");

        ScriptedLeg leg = call("c1");

        assertTrue(leg.offers.isEmpty());
        assertEquals(CallState.QUEUED, record("c1").state());
    }

    @Test
    public void callAStrategyLeftWaitingIsDecidedAgainASecondLaterWithoutAnyOtherEvent() throws SettingsException {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        installInline("patient", request -> asked.incrementAndGet() < 3
                ? RoutingDecision.ranked(List.of(), "waiting for the previous agent")
                : RoutingDecision.choose("1001", "waited long enough"));
        acd.defineQueue(support().withStrategy("patient"));
        readyAgents("1001");
        ScriptedLeg leg = call("c1");
        assertTrue(leg.offers.isEmpty());

        timers.advance(CallDistribution.REDECIDE_AFTER);
        assertTrue("asked again, still waiting", leg.offers.isEmpty());
        timers.advance(CallDistribution.REDECIDE_AFTER);

        assertEquals("1001", leg.lastOffer().agentId());
        assertEquals(3, asked.get());
    }

    @Test
    public void ringAllRingsEveryCandidateAndTheFirstToAnswerWinsWhileTheOthersAreReleased()
            throws SettingsException {
        install("ring-all", request -> RoutingDecision.ringAll(
                request.candidates().stream().map(CandidateAgent::agentId).toList(), "ringing all"));
        acd.defineQueue(support().withStrategy("ring-all"));
        readyAgents("1001", "1002", "1003");

        ScriptedLeg leg = call("c1");
        assertEquals(3, leg.offers.size());
        assertEquals(AgentState.RESERVED, agent("1002").state());

        acd.offerAnswered("c1", "1002");

        assertEquals(AgentState.ON_CALL, agent("1002").state());
        assertEquals(AgentState.AVAILABLE, agent("1001").state());
        assertEquals(AgentState.AVAILABLE, agent("1003").state());
        assertEquals(List.of("1001", "1003"), leg.withdrawn);
        assertEquals("1002", record("c1").agentId());

        acd.offerFailed("c1", "1001", OfferOutcome.NO_ANSWER, "withdrawn");
        acd.offerFailed("c1", "1003", OfferOutcome.NO_ANSWER, "withdrawn");
        assertEquals("losing a ring-all race is not an unanswered offer", AgentState.AVAILABLE,
                agent("1001").state());
        assertEquals(CallState.ANSWERED, record("c1").state());
    }

    @Test
    public void ringAllCallGoesBackToTheQueueOnlyWhenEveryRungPhoneHasFailed() throws SettingsException {
        install("ring-all", request -> RoutingDecision.ringAll(
                request.candidates().stream().map(CandidateAgent::agentId).toList(), "ringing all"));
        acd.defineQueue(support().withStrategy("ring-all"));
        readyAgents("1001", "1002");
        call("c1");

        acd.offerFailed("c1", "1001", OfferOutcome.BUSY, "answered 486 Busy Here");
        assertEquals(CallState.OFFERED, record("c1").state());
        acd.offerFailed("c1", "1002", OfferOutcome.BUSY, "answered 486 Busy Here");

        assertEquals(2, records.history("c1").stream().filter(c -> c.state() == CallState.OFFERED).count());
    }

    @Test
    public void candidatesSnapshotCarriesTierSkillsAndTheAgentsDay() throws SettingsException {
        List<List<CandidateAgent>> seen = new java.util.ArrayList<>();
        install("spy", request -> {
            seen.add(request.candidates());
            return RoutingDecision.choose(request.candidates().get(0).agentId(), "first");
        });
        acd.defineQueue(support().withStrategy("spy"));
        acd.defineAgent(AgentSettings.of("1001", "A", "1001", "secret1001").withSkills(java.util.Map.of("billing", 7)));
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        clock.advance(java.time.Duration.ofSeconds(30));
        acd.callEnded("c1", "caller");
        call("c2");

        CandidateAgent second = seen.get(1).get(0);
        assertEquals(7, second.level("billing"));
        assertEquals(1, second.tier());
        assertEquals(1, second.callsAnsweredToday());
        assertEquals(java.time.Duration.ofSeconds(30), second.talkTimeToday());
        assertEquals(clock.instant(), second.lastCallEndedAt().orElseThrow());
    }
}
