package org.switchboard.web.internal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;

/** The call store in memory: the latest record of each call, its history and variables. */
final class InMemoryCallRecords implements CallDetailRecordStore {
    private final Map<String, CallDetailRecord> records = new LinkedHashMap<>();
    private final Map<String, List<CallStateChange>> histories = new HashMap<>();
    private final Map<String, Map<String, String>> variables = new HashMap<>();

    /** Keeps a record without a state change, as a test's starting point. */
    InMemoryCallRecords with(CallDetailRecord record) {
        records.put(record.callId(), record);
        return this;
    }

    @Override
    public synchronized void save(CallDetailRecord record, CallStateChange change) {
        records.put(record.callId(), record);
        histories.computeIfAbsent(record.callId(), id -> new ArrayList<>()).add(change);
    }

    @Override
    public synchronized Optional<CallDetailRecord> find(String callId) {
        return Optional.ofNullable(records.get(callId));
    }

    @Override
    public synchronized List<CallDetailRecord> recent(int limit) {
        List<CallDetailRecord> newestFirst = new ArrayList<>(records.values());
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    @Override
    public synchronized List<CallStateChange> history(String callId) {
        return List.copyOf(histories.getOrDefault(callId, List.of()));
    }

    @Override
    public synchronized List<CallDetailRecord> unfinished() {
        return records.values().stream().filter(r -> r.state() != CallState.ENDED).toList();
    }

    @Override
    public synchronized void saveVariables(String callId, Map<String, String> values) {
        variables.computeIfAbsent(callId, id -> new HashMap<>()).putAll(values);
    }

    @Override
    public synchronized Map<String, String> variables(String callId) {
        return Map.copyOf(variables.getOrDefault(callId, Map.of()));
    }
}
