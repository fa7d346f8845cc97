package org.switchboard.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.switchboard.api.sip.PhoneCredentials;

/**
 * RFC 2617 / RFC 3261 digest authentication (MD5, qop "auth" or none). Nonces are stateless: a time stamp
 * signed with a secret made at start, so nothing is stored per challenge and a restart invalidates old nonces.
 * The signature also covers the address the challenge was sent to, so a nonce is only good from that address:
 * whoever forges the source address of a REGISTER never sees a nonce for it, and so can neither guess
 * passwords from it nor make it count failed authentications (and be locked out) in its name.
 * <p>
 * A captured answer cannot be replayed: for each nonce the highest nonce count (qop "auth") accepted so far is
 * remembered while the nonce lives, and an answer whose count is not higher, or a second answer with a nonce and
 * no qop, is treated like a stale nonce (the client is challenged again).
 */
final class DigestAuthenticator {

    /** The outcome of checking credentials. */
    enum Verdict {
        ACCEPTED,
        /** The nonce is too old or was not ours: challenge again (stale when it was ours). */
        STALE_NONCE,
        /** Wrong user, realm or password. */
        REJECTED
    }

    /** The fields of an Authorization header that the check needs, as received. */
    record Credentials(String username, String realm, String nonce, String uri, String response, String qop,
            String nonceCount, String clientNonce) {

        /** From an Authorization or Proxy-Authorization header. */
        static Credentials of(javax.sip.header.AuthorizationHeader header) {
            String nonceCount = header.getParameter("nc");
            if (nonceCount == null && header.getNonceCount() > 0) {
                nonceCount = String.format("%08x", header.getNonceCount());
            }
            return new Credentials(header.getUsername(), header.getRealm(), header.getNonce(),
                    header.getURI() == null ? null : header.getURI().toString(), header.getResponse(),
                    header.getQop(), nonceCount, header.getCNonce());
        }
    }

    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final Clock clock;
    private final SecretKeySpec secret;
    private final NonceCounts nonceCounts;

    DigestAuthenticator(String realm, Clock clock) {
        this.realm = realm;
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
        this.nonceCounts = new NonceCounts(NONCE_LIFETIME, NonceCounts.DEFAULT_CAPACITY, clock);
    }

    String realm() {
        return realm;
    }

    /** The value of a WWW-Authenticate header challenging the client at {@code source} (its address). */
    String challenge(boolean stale, String source) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + newNonce(source) + "\", algorithm=MD5, qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    /**
     * Checks the answer to a challenge, received from {@code source}. A nonce that is old, not ours or issued to
     * another address is {@link Verdict#STALE_NONCE}: the client is challenged again, and it is not counted as
     * a failed authentication.
     */
    Verdict verify(String method, Credentials credentials, Optional<String> ha1, String source) {
        if (!isFreshNonce(credentials.nonce(), source)) {
            return Verdict.STALE_NONCE;
        }
        if (!realm.equals(credentials.realm())) {
            return Verdict.REJECTED;
        }
        if (ha1.isEmpty() || credentials.response() == null) {
            return Verdict.REJECTED;
        }
        String expected = expectedResponse(method, credentials, ha1.get());
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase().getBytes(StandardCharsets.US_ASCII));
        if (!match) {
            return Verdict.REJECTED;
        }
        return nonceCounts.firstUse(credentials.nonce(), credentials.qop() == null || credentials.qop().isEmpty()
                ? 0 : parseCount(credentials.nonceCount())) ? Verdict.ACCEPTED : Verdict.STALE_NONCE;
    }

    /** The nonce count (8 hex digits); -1 when missing or not a number, which never counts as a first use. */
    private static long parseCount(String nonceCount) {
        try {
            return nonceCount == null ? -1 : Long.parseLong(nonceCount, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String expectedResponse(String method, Credentials credentials, String ha1) {
        String ha2 = PhoneCredentials.md5Hex(method + ":" + credentials.uri());
        if (credentials.qop() == null || credentials.qop().isEmpty()) {
            return PhoneCredentials.md5Hex(ha1 + ":" + credentials.nonce() + ":" + ha2);
        }
        return PhoneCredentials.md5Hex(ha1 + ":" + credentials.nonce() + ":" + credentials.nonceCount() + ":"
                + credentials.clientNonce() + ":" + credentials.qop() + ":" + ha2);
    }

    /**
     * A time stamp and a random part, signed with the address: two challenges issued in the same millisecond (to
     * two phones behind one address) get different nonces, so that neither answer looks like a replay of the other.
     */
    private String newNonce(String source) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        String issued = clock.millis() + "." + HexFormat.of().formatHex(salt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((issued + ":" + sign(issued + "@" + source)).getBytes(StandardCharsets.US_ASCII));
    }

    private boolean isFreshNonce(String nonce, String source) {
        if (nonce == null) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String issued = decoded.substring(0, colon);
        if (!MessageDigest.isEqual(sign(issued + "@" + source).getBytes(StandardCharsets.US_ASCII),
                decoded.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            int dot = issued.indexOf('.');
            long age = clock.millis() - Long.parseLong(dot < 0 ? issued : issued.substring(0, dot));
            return age >= 0 && age <= NONCE_LIFETIME.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
