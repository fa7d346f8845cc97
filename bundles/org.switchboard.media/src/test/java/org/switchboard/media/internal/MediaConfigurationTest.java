package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.After;
import org.junit.Test;
import org.switchboard.api.media.MediaException;

public class MediaConfigurationTest {
    private final MediaServerComponent component = new MediaServerComponent();
    private boolean active;

    @After
    public void deactivate() {
        if (active) {
            component.deactivate();
        }
    }

    @Test
    public void defaultsAreLoopbackAndTheKarafMediaFolders() {
        String previous = System.getProperty("karaf.home");
        try {
            System.setProperty("karaf.home", "/opt/switchboard");
            MediaSettings settings = MediaSettings.defaults();
            assertEquals("127.0.0.1", settings.address().getHostAddress());
            assertEquals(20000, settings.rtpPortMin());
            assertEquals(29999, settings.rtpPortMax());
            assertEquals(Path.of("/opt/switchboard/media/prompts"), settings.promptDirectory());
            assertEquals(Path.of("/opt/switchboard/media/moh/default.wav"), settings.musicOnHold());
            assertEquals(Duration.ofSeconds(60), settings.mediaTimeout());
            assertEquals("0 turns the media timeout off", Duration.ZERO,
                    MediaSettings.from(Map.of("mediaTimeoutSeconds", "0")).mediaTimeout());
            System.clearProperty("karaf.home");
            assertEquals("outside Karaf: relative to the working directory", Path.of("media/prompts"),
                    MediaSettings.defaults().promptDirectory());
        } finally {
            if (previous != null) {
                System.setProperty("karaf.home", previous);
            }
        }
    }

    @Test
    public void wrongValuesAreRefusedNamingTheKeyAndTheReason() {
        assertRefused(Map.of("address", "pbx.example.com"), "address: 'pbx.example.com' is not an IP address");
        assertRefused(Map.of("address", "0.0.0.0"), "address: '0.0.0.0' is a wildcard");
        assertRefused(Map.of("address", "192.0.2.99"), "address: '192.0.2.99' is not an address of this machine");
        assertRefused(Map.of("rtpPortMin", "ten"), "rtpPortMin: 'ten' is not a whole number");
        assertRefused(Map.of("rtpPortMin", "80"), "rtpPortMin: 80 is outside 1024..65535");
        assertRefused(Map.of("rtpPortMin", "30000", "rtpPortMax", "20000"), "rtpPortMax: 20000 is below rtpPortMin");
        assertRefused(Map.of("rtpPortMin", "30001", "rtpPortMax", "30001"), "rtpPortMin: 30001..30001 has no even port");
        assertRefused(Map.of("mediaTimeoutSeconds", "-1"), "mediaTimeoutSeconds: -1 is outside 0..86400");
        assertRefused(Map.of("mediaTimeoutSeconds", "1m"), "mediaTimeoutSeconds: '1m' is not a whole number");
    }

    @Test
    public void aChangeAppliesToNewLegsAndAWrongOneIsIgnored() throws Exception {
        activate(ports(41000, 41009));
        RtpLeg before = (RtpLeg) component.offer("c1", "a");
        assertInRange(before, 41000, 41009);

        component.modified(ports(41100, 41109));
        RtpLeg after = (RtpLeg) component.offer("c2", "a");
        assertInRange(after, 41100, 41109);
        assertEquals("the leg in progress keeps its port", 2, component.openLegs());
        assertTrue(bound(before.localPort()));

        Map<String, Object> wrong = ports(41200, 41209);
        wrong.put("rtpPortMax", "many");
        component.modified(wrong);
        assertInRange((RtpLeg) component.offer("c3", "a"), 41100, 41109);
    }

    @Test
    public void whenEveryPortIsTakenALegIsRefusedWith503() throws Exception {
        activate(ports(41300, 41303)); // two even ports
        component.offer("c1", "a");
        component.offer("c2", "a");
        try {
            component.offer("c3", "a");
            fail("a third leg on two ports");
        } catch (MediaException e) {
            assertEquals(503, e.sipStatus());
        }
    }

    @Test
    public void deactivationClosesEveryLegAndFreesItsPort() throws Exception {
        activate(ports(41400, 41409));
        RtpLeg leg = (RtpLeg) component.offer("c1", "a");
        assertTrue(bound(leg.localPort()));
        component.deactivate();
        active = false;
        assertTrue(leg.isClosed());
        MediaRelayTest.waitFor(() -> !bound(leg.localPort()));
    }

    private void activate(Map<String, Object> properties) throws Exception {
        component.activate(properties);
        active = true;
    }

    private static Map<String, Object> ports(int min, int max) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("rtpPortMin", Integer.toString(min));
        properties.put("rtpPortMax", Integer.toString(max));
        return properties;
    }

    private static void assertInRange(RtpLeg leg, int min, int max) {
        assertTrue(leg + " in " + min + ".." + max, leg.localPort() >= min && leg.localPort() <= max);
        assertEquals(0, leg.localPort() % 2);
    }

    /** Whether some socket holds the port (binding it ourselves fails). */
    private static boolean bound(int port) {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static void assertRefused(Map<String, String> properties, String message) {
        try {
            MediaSettings.from(properties);
            fail("accepted " + properties);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        }
    }
}
