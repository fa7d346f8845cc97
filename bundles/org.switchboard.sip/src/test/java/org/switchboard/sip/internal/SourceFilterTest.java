package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.switchboard.sip.internal.AddressBlockTest.ip;

import org.junit.Test;

public class SourceFilterTest {

    @Test
    public void defaultTrunkSourcesAreTheLoopbackAddressesOnly() {
        SourceFilter filter = SourceFilter.parse(ProtectionSettings.DEFAULT_TRUNK_SOURCES);

        assertTrue(filter.allows(ip("127.0.0.1")));
        assertTrue(filter.allows(ip("127.200.3.4")));
        assertTrue(filter.allows(ip("::1")));
        assertFalse(filter.allows(ip("10.0.0.1")));
        assertFalse(filter.allows(ip("::2")));
    }

    @Test
    public void mixesIpv4AndIpv6BlocksAndSingleAddressesIgnoringBlankEntries() {
        SourceFilter filter = SourceFilter.parse(" 192.0.2.10 ,, 198.51.100.0/24,2001:db8:1::/48 ,");

        assertEquals(3, filter.blocks().size());
        assertTrue(filter.allows(ip("192.0.2.10")));
        assertFalse(filter.allows(ip("192.0.2.11")));
        assertTrue(filter.allows(ip("198.51.100.200")));
        assertTrue(filter.allows(ip("2001:db8:1:ffff::5")));
        assertFalse(filter.allows(ip("2001:db8:2::5")));
        assertEquals("192.0.2.10/32, 198.51.100.0/24, 2001:db8:1:0:0:0:0:0/48", filter.toString());
    }

    @Test
    public void sameListsAreEqualSoThatAnUnchangedSettingIsRecognised() {
        assertEquals(SourceFilter.parse("10.0.0.0/8, ::1"), SourceFilter.parse("10.0.0.0/8,0:0:0:0:0:0:0:1"));
    }

    @Test
    public void anEmptyListOrAWrongEntryIsRefused() {
        try {
            SourceFilter.parse(" , ");
            fail("an empty list was accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("no address or CIDR block given", e.getMessage());
        }
        try {
            SourceFilter.parse("127.0.0.0/8, trunk.example");
            fail("a name was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'trunk.example'"));
        }
    }
}
