package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where the SIP edge listens and how it authenticates phones, from {@code etc/org.switchboard.sip.cfg}.
 *
 * @param host                  address to listen on (UDP and TCP)
 * @param port                  port to listen on
 * @param realm                 digest authentication realm
 * @param maxRegistrationSeconds longest registration granted to a phone
 */
record SipSettings(String host, int port, String realm, int maxRegistrationSeconds) {

    static final String PID = "org.switchboard.sip";

    /** Reads and checks the configuration; the message of the exception names the key and the reason. */
    static SipSettings from(Map<String, ?> properties) {
        String host = string(properties, "host", "127.0.0.1");
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host: '" + host + "' is not an address of this machine");
        }
        int port = number(properties, "port", 5060, 1, 65535);
        String realm = string(properties, "realm", "switchboard");
        if (realm.contains("\"")) {
            throw new IllegalArgumentException("realm: must not contain a double quote");
        }
        int maxRegistration = number(properties, "maxRegistrationSeconds", 3600, 60, 86400);
        return new SipSettings(host, port, realm, maxRegistration);
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
