package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetAddress;

import org.junit.Test;

public class AddressBlockTest {

    @Test
    public void ipv4BlockContainsTheAddressesUnderItsPrefixOnly() {
        AddressBlock block = AddressBlock.parse("10.20.0.0/16");

        assertTrue(block.contains(ip("10.20.0.0")));
        assertTrue(block.contains(ip("10.20.255.255")));
        assertFalse(block.contains(ip("10.21.0.0")));
        assertFalse(block.contains(ip("10.19.255.255")));
    }

    @Test
    public void prefixThatSplitsAByteComparesOnlyItsLeadingBits() {
        AddressBlock block = AddressBlock.parse("192.168.0.0/23");

        assertTrue(block.contains(ip("192.168.1.255")));
        assertFalse(block.contains(ip("192.168.2.0")));
        assertTrue(AddressBlock.parse("10.255.255.0/24").contains(ip("10.255.255.77")));
        assertFalse(AddressBlock.parse("10.255.255.0/24").contains(ip("127.0.0.1")));
    }

    @Test
    public void singleAddressIsABlockOfOne() {
        AddressBlock v4 = AddressBlock.parse(" 192.0.2.7 ");
        AddressBlock v6 = AddressBlock.parse("::1");

        assertEquals(32, v4.prefixLength());
        assertTrue(v4.contains(ip("192.0.2.7")));
        assertFalse(v4.contains(ip("192.0.2.8")));
        assertEquals(128, v6.prefixLength());
        assertTrue(v6.contains(ip("0:0:0:0:0:0:0:1")));
        assertFalse(v6.contains(ip("::2")));
    }

    @Test
    public void ipv6BlockContainsItsAddressesAndNeverAnIpv4One() {
        AddressBlock block = AddressBlock.parse("2001:db8::/32");

        assertTrue(block.contains(ip("2001:db8:ffff::1")));
        assertFalse(block.contains(ip("2001:db9::1")));
        assertFalse(block.contains(ip("32.1.13.184")));
        assertFalse(AddressBlock.parse("0.0.0.0/0").contains(ip("::1")));
        assertTrue(AddressBlock.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertTrue(AddressBlock.parse("[::]/0").contains(ip("fe80::1")));
    }

    @Test
    public void printsInCanonicalForm() {
        assertEquals("127.0.0.0/8", AddressBlock.parse("127.0.0.0/8").toString());
        assertEquals("2001:db8:0:0:0:0:0:0/32", AddressBlock.parse("2001:DB8::/32").toString());
    }

    @Test
    public void wrongEntriesAreRefusedSayingWhatIsWrong() {
        assertRefused("localhost", "'localhost' is not an IPv4 or IPv6 address or CIDR block");
        assertRefused("example.com/24", "is not an IPv4 or IPv6 address");
        assertRefused("999.1.1.1", "is not an IPv4 or IPv6 address");
        assertRefused("10.0.0", "is not an IPv4 or IPv6 address");
        assertRefused("10.0.0.0/33", "prefix length must be 0..32");
        assertRefused("::1/129", "prefix length must be 0..128");
        assertRefused("10.0.0.0/x", "prefix length 'x' is not a whole number");
        assertRefused("10.1.2.3/8", "did you mean 10.0.0.0/8 or 10.1.2.3/32?");
        assertRefused("gg::1", "is not an IPv4 or IPv6 address");
    }

    @Test
    public void onlyLiteralsAreAddressesSoNoNameIsEverLookedUp() {
        assertTrue(AddressBlock.literal("localhost").isEmpty());
        assertTrue(AddressBlock.literal("switchboard.example").isEmpty());
        assertTrue(AddressBlock.literal("256.0.0.1").isEmpty());
        assertEquals(ip("127.0.0.1"), AddressBlock.literal("127.0.0.1").orElseThrow());
        assertEquals(ip("::1"), AddressBlock.literal("[::1]").orElseThrow());
    }

    private static void assertRefused(String text, String expectedPart) {
        try {
            AddressBlock.parse(text);
            fail(text + " was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expectedPart));
        }
    }

    static InetAddress ip(String literal) {
        return AddressBlock.literal(literal).orElseThrow(() -> new AssertionError(literal));
    }
}
