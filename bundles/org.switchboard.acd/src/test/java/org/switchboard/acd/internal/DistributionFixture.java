package org.switchboard.acd.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.After;
import org.junit.Before;
import org.switchboard.acd.internal.RecordingFakes.DecisionQueue;
import org.switchboard.acd.internal.RecordingFakes.ManualTimers;
import org.switchboard.acd.internal.RecordingFakes.MemoryDecisions;
import org.switchboard.acd.internal.RecordingFakes.MemoryJournal;
import org.switchboard.acd.internal.RecordingFakes.MemoryRecords;
import org.switchboard.acd.internal.RecordingFakes.MemorySessions;
import org.switchboard.acd.internal.RecordingFakes.Phones;
import org.switchboard.acd.internal.RecordingFakes.PostedEvents;
import org.switchboard.acd.internal.RecordingFakes.ScriptedLeg;
import org.switchboard.acd.internal.RecordingFakes.SteppingClock;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * A distributor with the queue "support" (number 4000, max wait 60 s, ring timeout 15 s, two unanswered offers
 * before a pause) and agents 1001-1003, on a clock and timers that move only when a test says so.
 */
abstract class DistributionFixture {
    final SteppingClock clock = new SteppingClock();
    final MemoryRecords records = new MemoryRecords();
    final MemoryJournal journal = new MemoryJournal();
    final Phones phones = new Phones();
    final ManualTimers timers = new ManualTimers(clock);
    final MemoryDecisions decisions = new MemoryDecisions();
    final MemorySessions sessions = new MemorySessions();
    final Map<String, InstalledStrategy> strategies = new HashMap<>();
    final ExecutorService strategyThreads = Executors.newCachedThreadPool();
    /** Where enrichers' answers wait for the decision thread: the test runs them with {@code runPending()}. */
    final DecisionQueue decisionThread = new DecisionQueue();
    /** Enrichers are asked on the thread that enqueues (the test's), their answers handed to the queue above. */
    final RegisteredEnrichers enrichers = new RegisteredEnrichers(Runnable::run, decisionThread);
    final PostedEvents events = new PostedEvents(records);
    final CallDistribution acd = new CallDistribution(clock,
            new CallDistribution.Records(records, journal, decisions, sessions), phones, timers,
            new AgentChooser(name -> Optional.ofNullable(strategies.get(name)), strategyThreads), enrichers,
            new CallEventPublisher(events));

    @Before
    public void supportQueueWithThreeAgents() throws SettingsException {
        acd.defineQueue(support());
        for (String id : List.of("1001", "1002", "1003")) {
            acd.defineAgent(AgentSettings.of(id, "Agent " + id, id, "secret" + id));
        }
    }

    @After
    public void stopStrategyThreads() {
        strategyThreads.shutdownNow();
    }

    static QueueSettings support() {
        return QueueSettings.of("support", List.of("4000"), Duration.ofSeconds(60), Duration.ofSeconds(15), 2);
    }

    /** Installs a strategy as if its bundle had registered it (run on the strategy pool). */
    void install(String name, RoutingStrategy strategy) {
        strategies.put(name, new InstalledStrategy(name, "test.bundle", "1.0.0", strategy, false));
    }

    /** Installs a strategy that declared itself fast enough to run on the decision thread. */
    void installInline(String name, RoutingStrategy strategy) {
        strategies.put(name, new InstalledStrategy(name, "test.bundle", "1.0.0", strategy, true));
    }

    void readyAgents(String... ids) {
        for (String id : ids) {
            phones.register(id);
            acd.login(id, List.of("support"));
        }
    }

    ScriptedLeg call(String callId) {
        return call(new InboundCall(callId, "5551234", "4000", "support", clock.instant()));
    }

    ScriptedLeg call(InboundCall call) {
        ScriptedLeg leg = new ScriptedLeg();
        acd.enqueue(call, leg);
        return leg;
    }

    CallDetailRecord record(String callId) {
        return records.find(callId).orElseThrow();
    }

    AgentStatus agent(String id) {
        return acd.agent(id).orElseThrow();
    }
}
