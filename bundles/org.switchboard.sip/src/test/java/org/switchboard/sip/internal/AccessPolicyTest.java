package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.switchboard.sip.internal.AccessPolicy.Decision.DROP;
import static org.switchboard.sip.internal.AccessPolicy.Decision.LOCKED_OUT;
import static org.switchboard.sip.internal.AccessPolicy.Decision.NOT_A_TRUNK;
import static org.switchboard.sip.internal.AccessPolicy.Decision.PROCEED;
import static org.switchboard.sip.internal.AccessPolicy.Decision.TOO_FAST;
import static org.switchboard.sip.internal.AddressBlockTest.ip;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.Test;

public class AccessPolicyTest {
    private static final InetAddress TRUNK = ip("192.0.2.10");
    private static final InetAddress PHONE = ip("198.51.100.7");

    private final FakeTime time = new FakeTime();
    private final LockoutTracker lockouts = new LockoutTracker(2, Duration.ofMinutes(10), 100, time);
    private final AccessPolicy policy = new AccessPolicy(settings("192.0.2.0/24", 3, 2), lockouts, time);

    @Test
    public void trunkMayStartCallsAndAnyoneMayRegister() {
        assertEquals(PROCEED, policy.newInvite(TRUNK));
        assertEquals(PROCEED, policy.register(TRUNK));
        assertEquals(PROCEED, policy.register(PHONE));
    }

    @Test
    public void callFromOutsideTheTrunkSourcesIsForbiddenAndAFloodOfThemIsNotAnswered() {
        assertEquals(List.of(NOT_A_TRUNK, NOT_A_TRUNK, NOT_A_TRUNK, NOT_A_TRUNK, NOT_A_TRUNK, NOT_A_TRUNK, DROP),
                decisions(policy::newInvite, PHONE, 7));
    }

    @Test
    public void lockedOutSourceIsForbiddenBeforeAnyOtherCheckEvenFromATrunkAddress() {
        lockouts.recordFailure(AccessPolicy.key(TRUNK));
        lockouts.recordFailure(AccessPolicy.key(TRUNK));

        assertEquals(List.of(LOCKED_OUT, LOCKED_OUT, LOCKED_OUT, LOCKED_OUT, LOCKED_OUT),
                decisions(policy::newInvite, TRUNK, 5));
        assertEquals(LOCKED_OUT, policy.register(TRUNK));
        assertEquals(PROCEED, policy.newInvite(ip("192.0.2.11")));

        lockouts.clear(AccessPolicy.key(TRUNK));
        assertEquals("its rate was not used up while it was locked out", List.of(PROCEED, PROCEED, PROCEED),
                decisions(policy::newInvite, TRUNK, 3));
    }

    @Test
    public void sourceOverItsRateIsToldToComeBackLaterThenIgnored() {
        assertEquals(List.of(PROCEED, PROCEED, TOO_FAST, TOO_FAST, DROP), decisions(policy::register, PHONE, 5));
        assertEquals(List.of(PROCEED, PROCEED, PROCEED, TOO_FAST, TOO_FAST, TOO_FAST, DROP),
                decisions(policy::newInvite, TRUNK, 7));
        assertEquals("other sources are not affected", PROCEED, policy.register(ip("198.51.100.8")));

        time.advance(Duration.ofSeconds(1));
        assertEquals(PROCEED, policy.register(PHONE));
        assertEquals(PROCEED, policy.newInvite(TRUNK));
    }

    @Test
    public void newSettingsApplyAtOnce() {
        policy.configure(settings("203.0.113.0/24, ::1", 1, 1));

        assertEquals(NOT_A_TRUNK, policy.newInvite(TRUNK));
        assertEquals(PROCEED, policy.newInvite(ip("::1")));
        assertEquals(TOO_FAST, policy.newInvite(ip("::1")));
        assertEquals(PROCEED, policy.register(PHONE));
        assertEquals(TOO_FAST, policy.register(PHONE));
    }

    @Test
    public void sourcesAreNamedByTheirAddressAlone() {
        assertEquals("192.0.2.10", AccessPolicy.key(TRUNK));
        assertEquals("0:0:0:0:0:0:0:1", AccessPolicy.key(ip("::1")));
    }

    private static ProtectionSettings settings(String trunks, int invitesPerSecond, int registersPerSecond) {
        return ProtectionSettings.from(Map.of("trunkSources", trunks,
                "invitesPerSecondPerSource", Integer.toString(invitesPerSecond),
                "registersPerSecondPerSource", Integer.toString(registersPerSecond)));
    }

    private static List<AccessPolicy.Decision> decisions(Function<InetAddress, AccessPolicy.Decision> check,
            InetAddress source, int count) {
        List<AccessPolicy.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decisions.add(check.apply(source));
        }
        return decisions;
    }
}
