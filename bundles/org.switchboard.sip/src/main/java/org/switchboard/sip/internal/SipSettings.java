package org.switchboard.sip.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;

/**
 * Where the SIP edge listens and how it authenticates phones, from {@code etc/org.switchboard.sip.cfg}.
 *
 * @param host                  address to listen on (UDP and TCP)
 * @param port                  port to listen on
 * @param realm                 digest authentication realm
 * @param maxRegistrationSeconds longest registration granted to a phone
 * @param tls                   the TLS transport, when it is on
 * @param tcpFirstByteSeconds   a TCP or TLS connection that sends nothing within this long after it is accepted
 *                              is closed; 0 for never
 */
record SipSettings(String host, int port, String realm, int maxRegistrationSeconds, Optional<TlsSettings> tls,
        int tcpFirstByteSeconds) {

    /**
     * SIP over TLS (RFC 3261 26.2), for trunks and phones that need it.
     *
     * @param port             TCP port of TLS
     * @param keyStore         PKCS#12 file with the server's private key and certificate
     * @param keyStorePassword its password (never logged)
     */
    record TlsSettings(int port, Path keyStore, String keyStorePassword) {
        @Override
        public String toString() {
            return "TLS on port " + port + " with " + keyStore;
        }
    }

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
        Optional<TlsSettings> tls = tls(properties, port);
        int firstByte = number(properties, "tcpFirstByteSeconds", 10, 0, 3600);
        return new SipSettings(host, port, realm, maxRegistration, tls, firstByte);
    }

    private static Optional<TlsSettings> tls(Map<String, ?> properties, int port) {
        int tlsPort = number(properties, "tlsPort", 0, 0, 65535);
        if (tlsPort == 0) {
            return Optional.empty();
        }
        if (tlsPort == port) {
            throw new IllegalArgumentException("tlsPort: " + tlsPort + " is the port of UDP and TCP already");
        }
        String etc = System.getProperty("karaf.etc", "etc");
        Path keyStore = Path.of(etc).resolve(string(properties, "tlsKeyStore", "switchboard-sip.p12"));
        String password = string(properties, "tlsKeyStorePassword", "");
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (!store.aliases().hasMoreElements()) {
                throw new IllegalArgumentException("tlsKeyStore: " + keyStore + " holds no key");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tlsKeyStore: " + keyStore + " cannot be read with "
                    + "tlsKeyStorePassword (" + e.getMessage() + ")");
        }
        return Optional.of(new TlsSettings(tlsPort, keyStore.toAbsolutePath(), password));
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
