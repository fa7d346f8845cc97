package org.switchboard.media.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the media server listens and what it plays, from {@code etc/org.switchboard.media.cfg}.
 *
 * @param address         the address put in the server's SDP, and the RTP sockets bind to
 * @param rtpPortMin      lowest RTP port; only even ports are used (RTP/AVP convention; no RTCP)
 * @param rtpPortMax      highest RTP port
 * @param promptDirectory the folder prompts are looked up in by name
 * @param musicOnHold     the WAV file music on hold loops
 * @param mediaTimeout    how long a leg watched for it may receive no RTP before it is reported; zero is off
 */
record MediaSettings(InetAddress address, int rtpPortMin, int rtpPortMax, Path promptDirectory, Path musicOnHold,
        Duration mediaTimeout) {

    static final String PID = "org.switchboard.media";
    static final String KARAF_HOME = "${karaf.home}";
    static final String DEFAULT_PROMPT_DIRECTORY = KARAF_HOME + "/media/prompts";
    static final String DEFAULT_MUSIC_ON_HOLD = KARAF_HOME + "/media/moh/default.wav";
    static final int DEFAULT_MEDIA_TIMEOUT_SECONDS = 60;

    /** The settings when the configuration has none of the keys. */
    static MediaSettings defaults() {
        return from(Map.of());
    }

    /** Reads and checks the configuration; the message of the exception names the key and the reason. */
    static MediaSettings from(Map<String, ?> properties) {
        String addressText = string(properties, "address", "127.0.0.1");
        InetAddress address = IpLiteral.parse(addressText);
        if (address == null || !IpLiteral.isIpLiteral(addressText)) {
            throw new IllegalArgumentException("address: '" + addressText + "' is not an IP address");
        }
        if (address.isAnyLocalAddress()) {
            throw new IllegalArgumentException("address: '" + addressText
                    + "' is a wildcard; the SDP needs an address the phones can send to");
        }
        if (!isOfThisMachine(address)) {
            throw new IllegalArgumentException("address: '" + addressText + "' is not an address of this machine");
        }
        int min = number(properties, "rtpPortMin", 20000, 1024, 65535);
        int max = number(properties, "rtpPortMax", 29999, 1024, 65535);
        if (min > max) {
            throw new IllegalArgumentException("rtpPortMax: " + max + " is below rtpPortMin " + min);
        }
        if (min == max && min % 2 != 0) {
            throw new IllegalArgumentException("rtpPortMin: " + min + ".." + max + " has no even port for RTP");
        }
        return new MediaSettings(address, min, max,
                path(properties, "promptDirectory", DEFAULT_PROMPT_DIRECTORY),
                path(properties, "musicOnHold", DEFAULT_MUSIC_ON_HOLD),
                Duration.ofSeconds(number(properties, "mediaTimeoutSeconds", DEFAULT_MEDIA_TIMEOUT_SECONDS, 0, 86400)));
    }

    /** The same settings with another media timeout. */
    MediaSettings withMediaTimeout(Duration timeout) {
        return new MediaSettings(address, rtpPortMin, rtpPortMax, promptDirectory, musicOnHold, timeout);
    }

    private static boolean isOfThisMachine(InetAddress address) {
        try {
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /**
     * A path with {@code ${karaf.home}} resolved from the system property; without it (outside Karaf) the path
     * is relative to the working directory.
     */
    static Path path(Map<String, ?> properties, String key, String fallback) {
        String text = string(properties, key, fallback);
        String home = System.getProperty("karaf.home");
        String resolved = home != null ? text.replace(KARAF_HOME, home)
                : text.replace(KARAF_HOME + "/", "").replace(KARAF_HOME, ".");
        try {
            return Path.of(resolved);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a path (" + e.getReason() + ")");
        }
    }

    static String string(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    static int number(Map<String, ?> properties, String key, int fallback, int min, int max) {
        String text = string(properties, key, Integer.toString(fallback));
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
