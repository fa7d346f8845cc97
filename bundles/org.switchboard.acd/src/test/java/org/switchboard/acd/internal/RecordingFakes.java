package org.switchboard.acd.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;

import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.AgentSession;
import org.switchboard.api.acd.AgentSessionStore;
import org.switchboard.api.acd.AgentStateChange;
import org.switchboard.api.acd.AgentStateJournal;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.sip.PhoneRegistration;

/** In-memory stand-ins for the distributor's collaborators, so that its decisions can be tested one by one. */
final class RecordingFakes {

    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-11-26T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static class MemoryRecords implements CallDetailRecordStore {
        final Map<String, CallDetailRecord> records = new HashMap<>();
        final List<CallStateChange> changes = new ArrayList<>();
        final Map<String, Map<String, String>> variables = new HashMap<>();

        @Override
        public void saveVariables(String callId, Map<String, String> more) {
            if (!records.containsKey(callId)) {
                throw new StoreException("no record of call " + callId, null);
            }
            variables.computeIfAbsent(callId, id -> new TreeMap<>()).putAll(more);
        }

        @Override
        public Map<String, String> variables(String callId) {
            return Map.copyOf(variables.getOrDefault(callId, Map.of()));
        }

        @Override
        public void save(CallDetailRecord record, CallStateChange change) {
            records.put(record.callId(), record);
            changes.add(change);
        }

        @Override
        public Optional<CallDetailRecord> find(String callId) {
            return Optional.ofNullable(records.get(callId));
        }

        @Override
        public List<CallDetailRecord> recent(int limit) {
            return records.values().stream().sorted(Comparator.comparing(CallDetailRecord::arrivedAt).reversed())
                    .limit(limit).toList();
        }

        @Override
        public List<CallStateChange> history(String callId) {
            return changes.stream().filter(c -> c.callId().equals(callId)).toList();
        }

        @Override
        public List<CallDetailRecord> unfinished() {
            return records.values().stream().filter(r -> r.endedAt() == null)
                    .sorted(Comparator.comparing(CallDetailRecord::arrivedAt)).toList();
        }
    }

    static final class MemoryJournal implements AgentStateJournal {
        final List<AgentStateChange> changes = new ArrayList<>();

        @Override
        public void append(AgentStateChange change) {
            changes.add(change);
        }

        @Override
        public List<AgentStateChange> history(String agentId, int limit) {
            return changes.stream().filter(c -> c.agentId().equals(agentId)).limit(limit).toList();
        }
    }

    /** Agents' sessions in a map, counting the writes. */
    static final class MemorySessions implements AgentSessionStore {
        final Map<String, AgentSession> sessions = new TreeMap<>();
        int writes;

        @Override
        public void save(AgentSession session) {
            writes++;
            sessions.put(session.agentId(), session);
        }

        @Override
        public void remove(String agentId) {
            writes++;
            sessions.remove(agentId);
        }

        @Override
        public List<AgentSession> all() {
            return List.copyOf(sessions.values());
        }
    }

    static final class MemoryDecisions implements RoutingDecisionLog {
        final List<RoutingDecisionRecord> decisions = new ArrayList<>();

        @Override
        public void append(RoutingDecisionRecord decision) {
            decisions.add(decision);
        }

        @Override
        public List<RoutingDecisionRecord> forCall(String callId) {
            return decisions.stream().filter(d -> d.callId().equals(callId)).toList();
        }
    }

    /** Timers that fire only when the test says time has passed. */
    static final class ManualTimers implements Timers {
        private final SteppingClock clock;
        private final List<Pending> pending = new ArrayList<>();

        ManualTimers(SteppingClock clock) {
            this.clock = clock;
        }

        private final class Pending implements Timer {
            final Instant due;
            final Runnable task;
            boolean cancelled;

            Pending(Instant due, Runnable task) {
                this.due = due;
                this.task = task;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            Pending timer = new Pending(clock.instant().plus(delay), task);
            pending.add(timer);
            return timer;
        }

        void advance(Duration duration) {
            clock.advance(duration);
            List<Pending> due = pending.stream().filter(p -> !p.due.isAfter(clock.instant())).toList();
            pending.removeAll(due);
            due.stream().filter(p -> !p.cancelled).forEach(p -> p.task.run());
        }
    }

    /** A caller's leg that remembers what the distributor asked of it. */
    static final class ScriptedLeg implements CallerLeg {
        final List<AgentOffer> offers = new ArrayList<>();
        final List<String> withdrawn = new ArrayList<>();
        Integer releasedWith;

        @Override
        public void offer(AgentOffer offer) {
            offers.add(offer);
        }

        @Override
        public void withdrawOffer(String agentId) {
            withdrawn.add(agentId);
        }

        @Override
        public void release(int sipStatus, String reason) {
            releasedWith = sipStatus;
        }

        AgentOffer lastOffer() {
            return offers.get(offers.size() - 1);
        }
    }

    /** Phones registered by the test. */
    static final class Phones implements PhoneLocator {
        final Map<String, PhoneRegistration> registered = new HashMap<>();

        void register(String phone) {
            registered.put(phone, new PhoneRegistration(phone, "sip:" + phone + "@127.0.0.1:5091",
                    Instant.parse("2100-01-01T00:00:00Z")));
        }

        @Override
        public Optional<PhoneRegistration> locate(String phone) {
            return Optional.ofNullable(registered.get(phone));
        }
    }

    /** The decision thread's queue of tasks handed to it from other threads; runs them when the test says. */
    static final class DecisionQueue implements Executor {
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** Runs what was handed over, and what those tasks hand over in turn. */
        void runPending() {
            while (!tasks.isEmpty()) {
                tasks.remove(0).run();
            }
        }
    }

    /** One event as the distributor posted it, with the state the call's record had in the store just then. */
    record PostedEvent(String topic, Map<String, Object> properties, String storedState) {
        Object get(String property) {
            return properties.get(property);
        }
    }

    /** Keeps the events posted, in order. */
    static final class PostedEvents implements CallEventPublisher.Sink {
        final List<PostedEvent> posted = new ArrayList<>();
        private final MemoryRecords records;

        PostedEvents(MemoryRecords records) {
            this.records = records;
        }

        @Override
        public void post(String topic, Map<String, Object> properties) {
            Object callId = properties.get(org.switchboard.api.call.CallEvents.CALL_ID);
            String stored = callId == null ? null : records.find(callId.toString())
                    .map(record -> record.state().name()).orElse(null);
            posted.add(new PostedEvent(topic, Map.copyOf(properties), stored));
        }

        List<PostedEvent> onTopicsStartingWith(String prefix) {
            return posted.stream().filter(event -> event.topic().startsWith(prefix)).toList();
        }
    }

    private RecordingFakes() {
    }
}
