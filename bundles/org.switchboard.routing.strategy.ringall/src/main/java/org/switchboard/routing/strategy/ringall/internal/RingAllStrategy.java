package org.switchboard.routing.strategy.ringall.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.routing.api.CandidateAgent;
import org.switchboard.routing.api.RoutingDecision;
import org.switchboard.routing.api.RoutingRequest;
import org.switchboard.routing.api.RoutingStrategy;

/**
 * Rings every candidate at once, listed by longest idle (then by agent id); the first to answer gets the call.
 * <p>
 * The order is found by sorting primitive keys (idle-since as nanoseconds after the earliest one, with the
 * candidate's index in the low bits) by buckets, then sorting by agent id only runs of candidates idle since
 * the same instant. It may run inline.
 */
@Component(service = RoutingStrategy.class, property = {
    RoutingStrategy.NAME_PROPERTY + "=ring-all",
    RoutingStrategy.INLINE_PROPERTY + "=true" })
public class RingAllStrategy implements RoutingStrategy {

    /** Ids named in the reason, at most; the rest are counted. */
    static final int IDS_IN_REASON = 10;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * Used only when the idle-since instants are too far apart for {@link #packedOrder}: more than about 100 days
     * with 1000 candidates, 18 years with 10.
     */
    private static final Comparator<CandidateAgent> LONGEST_IDLE_FIRST =
            Comparator.comparing(CandidateAgent::idleSince).thenComparing(CandidateAgent::agentId);

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        List<CandidateAgent> candidates = request.candidates();
        String[] ids = packedOrder(candidates);
        if (ids == null) {
            ids = comparedOrder(candidates);
        }

        StringBuilder reason = new StringBuilder("ringing all ").append(ids.length)
                .append(ids.length == 1 ? " candidate: " : " candidates: ");
        int named = Math.min(ids.length, IDS_IN_REASON);
        for (int i = 0; i < named; i++) {
            if (i > 0) {
                reason.append(", ");
            }
            reason.append(ids[i]);
        }
        if (ids.length > IDS_IN_REASON) {
            reason.append(" and ").append(ids.length - IDS_IN_REASON).append(" more");
        }
        return RoutingDecision.ringAll(Arrays.asList(ids), reason.toString());
    }

    /**
     * The agent ids by longest idle, then agent id; {@code null} when the idle-since instants are too far apart
     * for a key of nanoseconds and index to fit in a {@code long}.
     */
    static String[] packedOrder(List<CandidateAgent> candidates) {
        int count = candidates.size();
        // bits for the index 0..count-1 in the low bits of the key
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
        long minSecond = Long.MAX_VALUE;
        long maxSecond = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long second = candidates.get(i).idleSince().getEpochSecond();
            minSecond = Math.min(minSecond, second);
            maxSecond = Math.max(maxSecond, second);
        }
        // (second - minSecond) * 1e9 + nano < (spread + 1) * 1e9 must stay below 2^(63 - indexBits)
        long maxSpread = (1L << (63 - indexBits)) / NANOS_PER_SECOND - 1;
        if (maxSecond - minSecond > maxSpread) {
            return null;
        }
        long[] keys = new long[count];
        long maxKey = 0;
        for (int i = 0; i < count; i++) {
            Instant idle = candidates.get(i).idleSince();
            long nanos = (idle.getEpochSecond() - minSecond) * NANOS_PER_SECOND + idle.getNano();
            long key = nanos << indexBits | i;
            keys[i] = key;
            maxKey = Math.max(maxKey, key);
        }
        long[] sorted = sort(keys, indexBits, maxKey);

        long indexMask = (1L << indexBits) - 1;
        String[] ids = new String[count];
        int runStart = 0;
        for (int i = 0; i < count; i++) {
            ids[i] = candidates.get((int) (sorted[i] & indexMask)).agentId();
            if (i > 0 && sorted[i] >>> indexBits != sorted[i - 1] >>> indexBits) {
                sortRun(ids, runStart, i);
                runStart = i;
            }
        }
        sortRun(ids, runStart, count);
        return ids;
    }

    /**
     * The keys (all different, none negative, at most {@code maxKey}) in ascending order: distributed into about
     * 2 buckets per key by their highest bits, each bucket then sorted on its own. That is one pass for the
     * usual spread of idle times, where most buckets hold 0 or 1 key; when the idle times cluster, a bucket
     * costs what sorting it costs.
     */
    private static long[] sort(long[] keys, int indexBits, long maxKey) {
        int count = keys.length;
        int bucketBits = Math.min(indexBits + 1, 20);
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(maxKey) - bucketBits);
        int buckets = (int) (maxKey >>> shift) + 1;
        int[] next = new int[buckets + 1];
        for (long key : keys) {
            next[(int) (key >>> shift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            next[b + 1] += next[b];
        }
        // next[b] is now where bucket b starts; it moves on as the bucket fills, to where bucket b + 1 starts
        long[] sorted = new long[count];
        for (long key : keys) {
            sorted[next[(int) (key >>> shift)]++] = key;
        }
        int start = 0;
        for (int b = 0; b < buckets; b++) {
            int end = next[b];
            if (end - start > 1) {
                Arrays.sort(sorted, start, end);
            }
            start = end;
        }
        return sorted;
    }

    /** Candidates idle since the same instant, in ids[from, to): by agent id. */
    private static void sortRun(String[] ids, int from, int to) {
        if (to - from > 1) {
            Arrays.sort(ids, from, to);
        }
    }

    private static String[] comparedOrder(List<CandidateAgent> candidates) {
        CandidateAgent[] sorted = candidates.toArray(new CandidateAgent[0]);
        Arrays.sort(sorted, LONGEST_IDLE_FIRST);
        String[] ids = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            ids[i] = sorted[i].agentId();
        }
        return ids;
    }
}
