package org.switchboard.sip.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.switchboard.api.sip.SipStatistics;

/** Counts requests by method and responses by status; outlives restarts of the SIP stack. */
final class SipCounters implements SipStatistics {
    /** Methods beyond this many distinct ones are counted as "other": a scanner cannot grow the table. */
    private static final int MAX_METHODS = 32;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private final LongAdder silentConnections = new LongAdder();
    private final LongAdder mediaTimeouts = new LongAdder();

    void received(String method) {
        String key = requests.containsKey(method) || requests.size() < MAX_METHODS ? method : "other";
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void sent(int status) {
        responses.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** The one adder that the first-byte gate of every SIP stack the edge starts counts its closings into. */
    LongAdder silentConnections() {
        return silentConnections;
    }

    void hungUpForNoMedia() {
        mediaTimeouts.increment();
    }

    @Override
    public long silentConnectionsClosed() {
        return silentConnections.sum();
    }

    @Override
    public long partiesHungUpForNoMedia() {
        return mediaTimeouts.sum();
    }

    @Override
    public Map<String, Long> requestsReceived() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((method, count) -> copy.put(method, count.sum()));
        return copy;
    }

    @Override
    public Map<Integer, Long> responsesSent() {
        Map<Integer, Long> copy = new TreeMap<>();
        responses.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }
}
