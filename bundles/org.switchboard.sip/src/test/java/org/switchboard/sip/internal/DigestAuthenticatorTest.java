package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.sip.internal.DigestAuthenticator.Credentials;
import org.switchboard.sip.internal.DigestAuthenticator.Verdict;

public class DigestAuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String PHONE = "192.0.2.10";

    @Test
    public void responseMatchesTheWorkedExampleOfRfc2617() {
        Credentials mufasa = new Credentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", null, "auth", "00000001", "0a4f113b");
        String ha1 = PhoneCredentials.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("6629fae49393a05397450978507c4ef1", DigestAuthenticator.expectedResponse("GET", mufasa, ha1));
    }

    @Test
    public void phoneThatAnswersTheChallengeWithTheRightPasswordIsAccepted() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonceOf(authenticator.challenge(false, PHONE));
        Credentials answer = answer("1001", nonce, "demo1001");

        assertEquals(Verdict.ACCEPTED, authenticator.verify("REGISTER", answer, ha1("1001", "demo1001"), PHONE));
    }

    @Test
    public void wrongPasswordAndUnknownUserAreBothRejected() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonceOf(authenticator.challenge(false, PHONE));

        assertEquals(Verdict.REJECTED, authenticator.verify("REGISTER", answer("1001", nonce, "guess"),
                ha1("1001", "demo1001"), PHONE));
        assertEquals(Verdict.REJECTED, authenticator.verify("REGISTER", answer("9999", nonce, "guess"),
                Optional.empty(), PHONE));
    }

    @Test
    public void nonceOlderThanFiveMinutesOrNotOursIsStale() {
        Instant issued = NOW;
        DigestAuthenticator issuer = new DigestAuthenticator("switchboard", Clock.fixed(issued, ZoneOffset.UTC));
        String nonce = nonceOf(issuer.challenge(false, PHONE));
        DigestAuthenticator sameKeyLater = issuer;
        assertEquals(Verdict.ACCEPTED, sameKeyLater.verify("REGISTER", answer("1001", nonce, "demo1001"),
                ha1("1001", "demo1001"), PHONE));

        DigestAuthenticator otherServer = new DigestAuthenticator("switchboard",
                Clock.fixed(issued.plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertEquals(Verdict.STALE_NONCE, otherServer.verify("REGISTER", answer("1001", nonce, "demo1001"),
                ha1("1001", "demo1001"), PHONE));
        assertEquals(Verdict.STALE_NONCE, otherServer.verify("REGISTER", answer("1001", "not-a-nonce!", "demo1001"),
                ha1("1001", "demo1001"), PHONE));
    }

    @Test
    public void nonceIsOnlyGoodFromTheAddressItWasIssuedToAndIsNotAFailureElsewhere() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonceOf(authenticator.challenge(false, PHONE));

        assertEquals(Verdict.STALE_NONCE, authenticator.verify("REGISTER", answer("1001", nonce, "demo1001"),
                ha1("1001", "demo1001"), "198.51.100.66"));
        assertEquals("a wrong password with another address's nonce is re-challenged, not counted as a failure",
                Verdict.STALE_NONCE, authenticator.verify("REGISTER", answer("1001", nonce, "guess"),
                        ha1("1001", "demo1001"), "198.51.100.66"));
        assertEquals(Verdict.ACCEPTED, authenticator.verify("REGISTER", answer("1001", nonce, "demo1001"),
                ha1("1001", "demo1001"), PHONE));
    }

    @Test
    public void challengeOffersMd5WithQopAuthAndMarksStaleNonces() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.systemUTC());
        String challenge = authenticator.challenge(true, PHONE);
        assertTrue(challenge.startsWith("Digest realm=\"switchboard\", nonce=\""));
        assertTrue(challenge.contains("algorithm=MD5"));
        assertTrue(challenge.contains("qop=\"auth\""));
        assertTrue(challenge.endsWith("stale=true"));
    }

    @Test
    public void capturedAnswerReplayedWithTheSameNonceCountIsChallengedAgainButAHigherCountIsAccepted() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonceOf(authenticator.challenge(false, PHONE));
        Credentials first = answer("1001", nonce, "demo1001", "auth", "00000001");

        assertEquals(Verdict.ACCEPTED, authenticator.verify("REGISTER", first, ha1("1001", "demo1001"), PHONE));
        assertEquals("the same answer again is a replay", Verdict.STALE_NONCE,
                authenticator.verify("REGISTER", first, ha1("1001", "demo1001"), PHONE));
        assertEquals("the phone's next request with the nonce counts up", Verdict.ACCEPTED,
                authenticator.verify("REGISTER", answer("1001", nonce, "demo1001", "auth", "00000002"),
                        ha1("1001", "demo1001"), PHONE));
        assertEquals(Verdict.STALE_NONCE, authenticator.verify("REGISTER",
                answer("1001", nonce, "demo1001", "auth", "00000002"), ha1("1001", "demo1001"), PHONE));
    }

    @Test
    public void twoPhonesBehindOneAddressChallengedInTheSameMillisecondGetDifferentNonces() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String first = nonceOf(authenticator.challenge(false, PHONE));
        String second = nonceOf(authenticator.challenge(false, PHONE));

        assertTrue("different nonces", !first.equals(second));
        assertEquals(Verdict.ACCEPTED, authenticator.verify("REGISTER", answer("1001", first, "demo1001"),
                ha1("1001", "demo1001"), PHONE));
        assertEquals("the second phone's first answer is not a replay of the first's", Verdict.ACCEPTED,
                authenticator.verify("REGISTER", answer("1002", second, "demo1002"), ha1("1002", "demo1002"), PHONE));
    }

    @Test
    public void answerWithoutQopIsGoodOnceForItsNonce() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonceOf(authenticator.challenge(false, PHONE));
        Credentials legacy = answer("1001", nonce, "demo1001", null, null);

        assertEquals(Verdict.ACCEPTED, authenticator.verify("REGISTER", legacy, ha1("1001", "demo1001"), PHONE));
        assertEquals(Verdict.STALE_NONCE, authenticator.verify("REGISTER", legacy, ha1("1001", "demo1001"), PHONE));
    }

    @Test
    public void wrongPasswordDoesNotUseUpTheNonceCount() {
        DigestAuthenticator authenticator = new DigestAuthenticator("switchboard", Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonceOf(authenticator.challenge(false, PHONE));

        assertEquals(Verdict.REJECTED, authenticator.verify("REGISTER", answer("1001", nonce, "guess"),
                ha1("1001", "demo1001"), PHONE));
        assertEquals(Verdict.ACCEPTED, authenticator.verify("REGISTER", answer("1001", nonce, "demo1001"),
                ha1("1001", "demo1001"), PHONE));
    }

    private static Credentials answer(String user, String nonce, String password) {
        return answer(user, nonce, password, "auth", "00000001");
    }

    private static Credentials answer(String user, String nonce, String password, String qop, String nonceCount) {
        String clientNonce = qop == null ? null : "c0ffee";
        Credentials unsigned = new Credentials(user, "switchboard", nonce, "sip:127.0.0.1:5060", null, qop,
                nonceCount, clientNonce);
        String response = DigestAuthenticator.expectedResponse("REGISTER", unsigned,
                PhoneCredentials.ha1(user, "switchboard", password));
        return new Credentials(user, "switchboard", nonce, "sip:127.0.0.1:5060", response, qop, nonceCount,
                clientNonce);
    }

    private static Optional<String> ha1(String user, String password) {
        return Optional.of(PhoneCredentials.ha1(user, "switchboard", password));
    }

    private static String nonceOf(String challenge) {
        Matcher matcher = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertTrue(matcher.find());
        return matcher.group(1);
    }
}
