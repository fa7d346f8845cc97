package org.switchboard.api.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Secrets the registrar checks digest authentication against. The password never leaves the provider: it
 * hands out the digest hash {@code MD5(user ":" realm ":" password)} (RFC 2617 "HA1").
 * <p>
 * Called on SIP stack threads; must be fast and non-blocking.
 */
public interface PhoneCredentials {

    /** HA1 for the user in that realm as lower-case hex, or empty when the user has no phone account. */
    Optional<String> digestHa1(String user, String realm);

    /** {@code MD5(user ":" realm ":" password)} as lower-case hex. */
    static String ha1(String user, String realm, String password) {
        return md5Hex(user + ":" + realm + ":" + password);
    }

    /** Lower-case hex MD5 of the UTF-8 bytes of {@code text}, as RFC 2617 digests use it. */
    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
