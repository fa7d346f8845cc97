package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;
import org.switchboard.api.acd.CallDistributor;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.api.sip.SourceLockout;

/**
 * The protection wired into a real SIP stack on 127.0.0.1, driven by a bare UDP peer: what a refused request
 * gets back on the wire, and that requests inside a call are never refused.
 */
public class SipEdgeProtectionTest {
    private static final Pattern RETRY_AFTER_7 = Pattern.compile("(?mi)^Retry-After: *7\\s*$");
    private static final Pattern ALLOW = Pattern
            .compile("(?mi)^Allow: *INVITE, *ACK, *CANCEL, *BYE, *OPTIONS, *REGISTER");
    private static final Pattern TO_WITH_TAG = Pattern.compile("(?mi)^To: .*;tag=\\S+");

    private final HoldingDistributor distributor = new HoldingDistributor();
    private final SilentMedia media = new SilentMedia();
    private SipEdge edge;
    private int port;
    private UdpPeer peer;

    @After
    public void stop() {
        if (peer != null) {
            peer.close();
        }
        if (edge != null) {
            edge.deactivate();
        }
    }

    @Test
    public void newCallBeyondTheLimitGets503WithRetryAfterAndItsPlaceComesBackWhenACallEnds() throws Exception {
        start(Map.of("maxConcurrentCalls", "1", "retryAfterSeconds", "7"));

        peer.send(peer.invite("call-a", null));
        assertNotNull(peer.awaitResponse("call-a", 100, 3000));
        peer.send(peer.invite("call-b", null));
        String refused = peer.awaitResponse("call-b", 503, 3000);

        assertNotNull("the second call is refused", refused);
        assertTrue(refused, RETRY_AFTER_7.matcher(refused).find());
        assertTrue("a final answer to an INVITE has a To tag\n" + refused, TO_WITH_TAG.matcher(refused).find());
        awaitTrue("the first call queued", () -> distributor.legs.size() == 1);
        assertEquals(1, edge.bridge().callsInProgress());
        assertEquals("the queued caller has an RTP endpoint; the refused one none", 1, media.openLegs());

        distributor.legs.get(0).release(480, "No agent");
        assertNotNull(peer.awaitResponse("call-a", 480, 3000));
        awaitTrue("the ended call's place given back", () -> edge.bridge().callsInProgress() == 0);
        assertEquals("the ended call's media released", 0, media.openLegs());
        peer.send(peer.invite("call-c", null));
        assertNotNull("admitted again once the first call ended", peer.awaitResponse("call-c", 100, 3000));
        awaitTrue("the third call queued", () -> distributor.legs.size() == 2);
    }

    @Test
    public void inviteFromOutsideTheTrunksMayAuthenticateWithAnAccountsPasswordWhenThatIsSwitchedOn()
            throws Exception {
        start(Map.of("trunkSources", "192.0.2.0/24", "authenticateOtherInvites", "true"));

        peer.send(peer.invite("call-a", null));
        String challenge = peer.awaitResponse("call-a", 407, 3000);
        assertNotNull("challenged, not refused", challenge);
        assertTrue(challenge, challenge.contains("Proxy-Authenticate: Digest realm=\"switchboard\""));

        peer.send(peer.authenticatedInvite("call-b", "1001", UdpPeer.nonceOf(challenge), "wrong"));
        assertNotNull("wrong password: 403", peer.awaitResponse("call-b", 403, 3000));

        peer.send(peer.invite("call-c", null));
        String next = peer.awaitResponse("call-c", 407, 3000);
        peer.send(peer.authenticatedInvite("call-c", "1001", UdpPeer.nonceOf(next), "demo1001"));
        assertNotNull("the right password: the call is taken", peer.awaitResponse("call-c", 100, 3000));
        awaitTrue("the call queued", () -> distributor.legs.size() == 1);
    }

    @Test
    public void inviteFromOutsideTheTrunksIsRefusedWhenAuthenticationIsOff() throws Exception {
        start(Map.of("trunkSources", "192.0.2.0/24"));

        peer.send(peer.invite("call-a", null));

        assertNotNull(peer.awaitResponse("call-a", 403, 3000));
        assertTrue(distributor.legs.isEmpty());
    }

    @Test
    public void callToAnUnknownNumberGivesItsPlaceBack() throws Exception {
        start(Map.of("maxConcurrentCalls", "1"));

        peer.send(peer.invite("call-a", null).replace("sip:4000@", "sip:4999@"));
        assertNotNull(peer.awaitResponse("call-a", 404, 3000));

        awaitTrue("the place given back", () -> edge.bridge().callsInProgress() == 0);
        peer.send(peer.invite("call-b", null));
        assertNotNull(peer.awaitResponse("call-b", 100, 3000));
    }

    @Test
    public void callFromOutsideTheTrunkSourcesIsForbiddenButRequestsInsideACallAreNeverChecked() throws Exception {
        start(Map.of("trunkSources", "10.255.255.0/24", "invitesPerSecondPerSource", "1"));

        peer.send(peer.invite("call-a", null));
        String forbidden = peer.awaitResponse("call-a", 403, 3000);
        assertNotNull(forbidden);
        assertTrue(TO_WITH_TAG.matcher(forbidden).find());
        assertTrue("nothing was queued", distributor.legs.isEmpty());

        for (int i = 0; i < 3; i++) {
            peer.send(peer.invite("reinvite-" + i, "their-tag"));
            assertNotNull("a re-INVITE is not a new call: 481 for an unknown dialog, not 403",
                    peer.awaitResponse("reinvite-" + i, 481, 3000));
            peer.send(peer.bye("bye-" + i));
            assertNotNull(peer.awaitResponse("bye-" + i, 481, 3000));
        }
    }

    @Test
    public void floodOfRequestsThatStartNothingTakesNoRoomInTheTransactionTable() throws Exception {
        start(Map.of("trunkSources", "10.255.255.0/24", "invitesPerSecondPerSource", "10000"));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            peer.send(peer.options("options-" + i));
            peer.send(peer.bye("bye-" + i));
            peer.send(peer.invite("invite-" + i, null));
            answers.addAll(peer.receiveAll(5));
        }
        answers.addAll(peer.receiveAll(1000));

        assertEquals(answers.isEmpty() ? "" : answers.get(0), 100, answers.stream()
                .filter(m -> m.startsWith("SIP/2.0 200 ") && ALLOW.matcher(m).find()).count());
        assertEquals(100, answers.stream().filter(m -> m.startsWith("SIP/2.0 481 ")).count());
        assertEquals(100, answers.stream().filter(m -> m.startsWith("SIP/2.0 403 ")).count());
        assertEquals("nothing kept for any of them", 0, edge.endpoint().serverTransactions());
    }

    @Test
    public void sourceThatFailsToAuthenticateTooOftenIsLockedOutUntilAnOperatorClearsIt() throws Exception {
        start(Map.of("lockoutFailures", "2", "lockoutMinutes", "1"));

        for (int attempt = 1; attempt <= 2; attempt++) {
            String callId = "guess-" + attempt;
            peer.send(peer.register(callId, 1, "1001", null, null));
            String challenge = peer.awaitResponse(callId, 401, 3000);
            assertNotNull(challenge);
            peer.send(peer.register(callId, 2, "1001", UdpPeer.nonceOf(challenge), "guess" + attempt));
            assertNotNull(peer.awaitResponse(callId, 403, 3000));
        }

        List<SourceLockout> lockouts = edge.lockouts();
        assertEquals(1, lockouts.size());
        assertEquals("127.0.0.1", lockouts.get(0).source());
        assertEquals(2, lockouts.get(0).failures());
        peer.send(peer.register("locked", 1, "1001", null, null));
        assertNotNull("no challenge any more: 403 at once", peer.awaitResponse("locked", 403, 3000));
        peer.send(peer.invite("locked-call", null));
        assertNotNull(peer.awaitResponse("locked-call", 403, 3000));

        assertTrue(edge.clear("127.0.0.1"));
        assertFalse(edge.clear("127.0.0.1"));
        assertEquals(List.of(), edge.lockouts());
        peer.send(peer.register("right", 1, "1001", null, null));
        String challenge = peer.awaitResponse("right", 401, 3000);
        assertNotNull(challenge);
        peer.send(peer.register("right", 2, "1001", UdpPeer.nonceOf(challenge), "demo1001"));
        assertNotNull(peer.awaitResponse("right", 200, 3000));
        assertTrue(edge.find("1001").isPresent());
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited 3 s for: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    public void floodOfRegistersFromOneSourceIsRefusedThenNotAnsweredAtAll() throws Exception {
        start(Map.of("registersPerSecondPerSource", "2", "retryAfterSeconds", "7"));

        for (int i = 0; i < 10; i++) {
            peer.send(peer.register("flood-" + i, 1, "1001", null, null));
        }
        List<String> answers = peer.receiveAll(1500);

        long challenged = answers.stream().filter(m -> m.startsWith("SIP/2.0 401 ")).count();
        List<String> busy = answers.stream().filter(m -> m.startsWith("SIP/2.0 503 ")).toList();
        assertEquals(answers.toString(), 2, challenged);
        assertEquals(answers.toString(), 2, busy.size());
        assertTrue(busy.stream().allMatch(m -> RETRY_AFTER_7.matcher(m).find()));
        assertEquals("the rest is dropped", 4, answers.size());
    }

    @Test
    public void protectionSettingsApplyWithoutRestartingTheStackOrEndingCalls() throws Exception {
        start(Map.of());
        peer.send(peer.invite("call-a", null));
        assertNotNull(peer.awaitResponse("call-a", 100, 3000));
        CallBridge bridge = edge.bridge();

        edge.modified(config(Map.of("maxConcurrentCalls", "1", "trunkSources", "127.0.0.1, 192.0.2.0/24")));

        assertSame("same stack", bridge, edge.bridge());
        assertEquals(1, edge.bridge().callsInProgress());
        assertEquals(1, edge.protection().maxConcurrentCalls());
        peer.send(peer.invite("call-b", null));
        assertNotNull(peer.awaitResponse("call-b", 503, 3000));
    }

    @Test
    public void wrongValueIsRefusedAndThePreviousSettingsStay() throws Exception {
        start(Map.of("maxCallsPerSecond", "7"));
        ProtectionSettings before = edge.protection();

        edge.modified(config(Map.of("maxCallsPerSecond", "lots")));
        edge.modified(config(Map.of("maxCallsPerSecond", "8", "trunkSources", "10.0.0.1/8")));

        assertEquals(before, edge.protection());
        peer.send(peer.invite("call-a", null));
        assertNotNull("still listening", peer.awaitResponse("call-a", 100, 3000));
    }

    @Test
    public void wrongProtectionValueAtStartLeavesTheDefaultsInForceAndTheEdgeListening() throws Exception {
        start(Map.of("lockoutMinutes", "forever"));

        assertEquals(ProtectionSettings.DEFAULTS, edge.protection());
        peer.send(peer.invite("call-a", null));
        assertNotNull(peer.awaitResponse("call-a", 100, 3000));
    }

    private void start(Map<String, String> protection) throws Exception {
        port = freePort();
        edge = new SipEdge();
        edge.stackOverrides.setProperty("gov.nist.javax.sip.STACK_LOGGER", QuietStackLogger.class.getName());
        edge.distributor = distributor;
        edge.media = media;
        edge.credentials = (user, realm) -> user.equals("1001")
                ? Optional.of(PhoneCredentials.ha1("1001", realm, "demo1001")) : Optional.empty();
        edge.activate(config(protection));
        peer = new UdpPeer(port);
    }

    private Map<String, Object> config(Map<String, String> protection) {
        Map<String, Object> properties = new HashMap<>(protection);
        properties.put("host", "127.0.0.1");
        properties.put("port", Integer.toString(port));
        return properties;
    }

    private static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** Queues every call for service number 4000 and keeps its leg, doing nothing else. */
    private static final class HoldingDistributor implements CallDistributor {
        final List<CallerLeg> legs = new CopyOnWriteArrayList<>();

        @Override
        public Optional<String> queueForNumber(String dnis) {
            return dnis.equals("4000") ? Optional.of("support") : Optional.empty();
        }

        @Override
        public void enqueue(InboundCall call, CallerLeg leg) {
            legs.add(leg);
        }

        @Override
        public void agentRinging(String callId, String agentId) {
        }

        @Override
        public void offerAnswered(String callId, String agentId) {
        }

        @Override
        public void offerFailed(String callId, String agentId, OfferOutcome outcome, String detail) {
        }

        @Override
        public void callerAbandoned(String callId) {
        }

        @Override
        public void callEnded(String callId, String hungUpBy) {
        }

        @Override
        public void callFailed(String callId, String reason) {
        }
    }
}
