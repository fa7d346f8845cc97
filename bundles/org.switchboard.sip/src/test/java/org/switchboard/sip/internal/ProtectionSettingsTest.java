package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.switchboard.sip.internal.AddressBlockTest.ip;

import java.util.Map;

import org.junit.Test;

public class ProtectionSettingsTest {

    @Test
    public void defaultsWhenTheConfigurationSaysNothing() {
        ProtectionSettings settings = ProtectionSettings.from(Map.of("host", "127.0.0.1", "port", "5060"));

        assertEquals(SourceFilter.parse("127.0.0.0/8, ::1"), settings.trunkSources());
        assertEquals(200, settings.maxConcurrentCalls());
        assertEquals(50, settings.maxCallsPerSecond());
        assertEquals(5, settings.retryAfterSeconds());
        assertEquals(20, settings.registersPerSecondPerSource());
        assertEquals(20, settings.invitesPerSecondPerSource());
        assertEquals(5, settings.lockoutFailures());
        assertEquals(10, settings.lockoutMinutes());
        assertEquals(ProtectionSettings.DEFAULTS, settings);
    }

    @Test
    public void readsEveryKeyWhateverTheTypeConfigAdminGives() {
        ProtectionSettings settings = ProtectionSettings.from(Map.of("trunkSources", "10.255.255.0/24, 2001:db8::/32",
                "maxConcurrentCalls", 30, "maxCallsPerSecond", "5", "retryAfterSeconds", " 2 ",
                "registersPerSecondPerSource", 7L, "invitesPerSecondPerSource", "9", "lockoutFailures", "3",
                "lockoutMinutes", "1"));

        assertTrue(settings.trunkSources().allows(ip("10.255.255.9")));
        assertFalse(settings.trunkSources().allows(ip("127.0.0.1")));
        assertEquals(new ProtectionSettings(settings.trunkSources(), 30, 5, 2, 7, 9, 3, 1, false), settings);
    }

    @Test
    public void wrongValuesAreRefusedNamingTheKeyAndTheReason() {
        assertRefused(Map.of("maxCallsPerSecond", "fast"), "maxCallsPerSecond: 'fast' is not a whole number");
        assertRefused(Map.of("maxConcurrentCalls", "0"), "maxConcurrentCalls: 0 is outside 1..100000");
        assertRefused(Map.of("retryAfterSeconds", "-5"), "retryAfterSeconds: -5 is outside 1..3600");
        assertRefused(Map.of("registersPerSecondPerSource", "1e3"), "registersPerSecondPerSource: '1e3'");
        assertRefused(Map.of("invitesPerSecondPerSource", "20000"), "invitesPerSecondPerSource: 20000 is outside");
        assertRefused(Map.of("lockoutFailures", "101"), "lockoutFailures: 101 is outside 1..100");
        assertRefused(Map.of("lockoutMinutes", "0"), "lockoutMinutes: 0 is outside 1..1440");
        assertRefused(Map.of("trunkSources", "127.0.0.0/8, pbx.example"),
                "trunkSources: 'pbx.example' is not an IPv4 or IPv6 address");
        assertRefused(Map.of("trunkSources", "10.0.0.1/8"), "trunkSources: '10.0.0.1/8' has bits set after the prefix");
    }

    private static void assertRefused(Map<String, ?> properties, String expectedStart) {
        try {
            ProtectionSettings.from(properties);
            fail(properties + " was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(expectedStart));
        }
    }
}
