package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.QueueKpis;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.Disposition;

public class QueueRulesTest extends DistributionFixture {

    @Test
    public void callerOfHigherPriorityOvertakesThoseWaitingLonger() {
        ScriptedLeg ordinary = call("c1");
        ScriptedLeg vip = new ScriptedLeg();
        acd.enqueue(new InboundCall("c2", "5550000", "4000", "support", clock.instant(), 5, Map.of()), vip);

        readyAgents("1001");

        assertEquals(1, vip.offers.size());
        assertTrue(ordinary.offers.isEmpty());
    }

    @Test
    public void agentOfSeveralQueuesTakesTheCallOfTheQueueWithHigherPriorityFirst() throws SettingsException {
        acd.defineQueue(QueueSettings.of("vip", List.of("4100"), Duration.ofSeconds(60), Duration.ofSeconds(15), 3)
                .withPriority(10));
        ScriptedLeg support = call("c1");
        ScriptedLeg vip = new ScriptedLeg();
        acd.enqueue(new InboundCall("c2", "5550000", "4100", "vip", clock.instant()), vip);

        phones.register("1001");
        acd.login("1001", List.of("support", "vip"));

        assertEquals(1, vip.offers.size());
        assertTrue(support.offers.isEmpty());
    }

    @Test
    public void agentWithoutTheRequiredSkillLevelIsNotOffered() throws SettingsException {
        acd.defineQueue(support().withRequiredSkills(Map.of("billing", 5)));
        acd.defineAgent(AgentSettings.of("1001", "A", "1001", "secret1001").withSkills(Map.of("billing", 4)));
        acd.defineAgent(AgentSettings.of("1002", "B", "1002", "secret1002").withSkills(Map.of("billing", 5)));
        readyAgents("1001", "1002");

        assertEquals("1002", call("c1").lastOffer().agentId());
        assertTrue(call("c2").offers.isEmpty());
    }

    @Test
    public void agentsOfAHigherTierAreOfferedOnlyWhenNoAgentOfALowerTierIsAvailable() {
        acd.defineAgent(AgentSettings.of("1001", "A", "1001", "secret1001")
                .withQueueTiers(Map.of("support", 2)));
        readyAgents("1001");
        clock.advance(Duration.ofSeconds(10));
        readyAgents("1002");

        assertEquals("tier 1 before the longer idle tier 2", "1002", call("c1").lastOffer().agentId());
        assertEquals("1001", call("c2").lastOffer().agentId());
    }

    @Test
    public void callOverflowsToAnotherQueueAfterMaxWaitAndKeepsItsRecord() throws SettingsException {
        acd.defineQueue(QueueSettings.of("backup", List.of("4900"), Duration.ofSeconds(30), Duration.ofSeconds(15),
                3));
        acd.defineQueue(support().withOverflow("backup"));
        phones.register("1001");
        acd.login("1002", List.of("support"));
        ScriptedLeg leg = call("c1");

        timers.advance(Duration.ofSeconds(60));
        assertNull(leg.releasedWith);
        assertEquals("backup", record("c1").queue());
        assertEquals(CallState.QUEUED, record("c1").state());

        acd.login("1001", List.of("backup"));
        assertEquals("1001", leg.lastOffer().agentId());
    }

    @Test
    public void callOverflowsAtOnceWhenNobodyIsLoggedInAndIsReleasedWhenTheOverflowQueueGivesUpToo()
            throws SettingsException {
        acd.defineQueue(QueueSettings.of("backup", List.of("4900"), Duration.ofSeconds(30), Duration.ofSeconds(15),
                3).withOverflow("support"));
        acd.defineQueue(support().withOverflow("backup"));
        acd.login("1001", List.of("backup"));
        ScriptedLeg leg = call("c1");
        assertEquals("backup", record("c1").queue());

        timers.advance(Duration.ofSeconds(30));

        assertEquals("support was visited already: no loop", Integer.valueOf(480), leg.releasedWith);
        assertEquals(Disposition.NO_AGENT, record("c1").disposition());
    }

    @Test
    public void queueKpisFollowTheirDefinitions() {
        readyAgents("1001");
        call("c1");
        clock.advance(Duration.ofSeconds(10));
        acd.offerAnswered("c1", "1001");
        clock.advance(Duration.ofSeconds(100));
        acd.callEnded("c1", "caller");
        acd.pause("1001", "break");
        call("c2");
        clock.advance(Duration.ofSeconds(30));
        acd.callerAbandoned("c2");
        call("c3");
        clock.advance(Duration.ofSeconds(5));
        acd.ready("1001");
        clock.advance(Duration.ofSeconds(25));
        acd.offerAnswered("c3", "1001");

        QueueKpis kpis = acd.queue("support").orElseThrow().kpis();
        assertEquals(3, kpis.offered());
        assertEquals(2, kpis.answered());
        assertEquals(1, kpis.abandoned());
        assertEquals("c1 waited 10 s, c3 waited 30 s: one within 20 s of three offered", 1.0 / 3,
                kpis.serviceLevel(), 0.0001);
        assertEquals(Duration.ofSeconds(20), kpis.averageSpeedOfAnswer());
        assertEquals(Duration.ofSeconds(100), kpis.averageHandlingTime());
        assertEquals(1.0 / 3, kpis.abandonRate(), 0.0001);
    }
}
