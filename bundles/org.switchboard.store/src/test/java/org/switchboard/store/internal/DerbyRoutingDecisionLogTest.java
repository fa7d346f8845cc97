package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.acd.RoutingDecisionRecord;

public class DerbyRoutingDecisionLogTest {

    private static final Instant DECIDED = Instant.parse("2026-11-26T09:00:00.125Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyRoutingDecisionLog log;

    @Before
    public void createLog() {
        log = new DerbyRoutingDecisionLog(database.connections());
    }

    @Test
    public void decisionsOfACallComeBackOldestFirstFieldByField() {
        RoutingDecisionRecord first = new RoutingDecisionRecord("c1", "support", "round-robin", "0.1.0.SNAPSHOT",
                "1002", "1002 is next after 1001", 3, DECIDED, Duration.ofNanos(12_000), null);
        RoutingDecisionRecord second = new RoutingDecisionRecord("c1", "support", "longest-idle", "built-in", "1003",
                "1003 idle longest (40 s)", 2, DECIDED.plusSeconds(5), Duration.ofMillis(50),
                "round-robin took longer than its budget of 50 ms");
        log.append(first);
        log.append(second);
        log.append(new RoutingDecisionRecord("c2", "support", "random", "1.0.0", null, "none wanted", 1,
                DECIDED, Duration.ZERO, null));

        assertEquals(List.of(first, second), log.forCall("c1"));
        assertTrue(log.forCall("nobody").isEmpty());
    }

    @Test
    public void aVeryLongReasonIsKeptByItsBeginning() {
        String reason = "x".repeat(5000);
        log.append(new RoutingDecisionRecord("c3", "support", "chatty", "1.0.0", "1001", reason, 1, DECIDED,
                Duration.ZERO, null));

        String stored = log.forCall("c3").get(0).reason();
        assertEquals(1000, stored.length());
        assertTrue(stored.startsWith("xxxx"));
    }
}
