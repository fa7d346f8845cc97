package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/** Two legs bridged, with UDP sockets on 127.0.0.1 as the caller's and the agent's phones. */
public class MediaRelayTest {
    private static final int WAIT_MILLIS = 5000;

    private final TemporaryFolder folder = new TemporaryFolder();
    private final MediaServerFixture media = new MediaServerFixture(folder);
    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(media);

    @Test
    public void audioFromThePcmaCallerReachesThePcmuAgentTranscodedInTheAgentLegsOwnStream() throws Exception {
        try (RemoteParty caller = new RemoteParty(0xCA11E5L); RemoteParty agent = new RemoteParty(0xA6E27L)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("8"));
            RtpLeg agentLeg = (RtpLeg) media.server().offer("c1", "1001");
            agentLeg.answered(agent.sdp("0"));
            // before the bridge the agent's phone hears the leg's silence
            agent.receiveUntil(packets -> !packets.isEmpty(), WAIT_MILLIS);

            callerLeg.bridge(agentLeg);
            List<byte[]> sent = new ArrayList<>();
            for (int frame = 0; frame < 10; frame++) {
                short[] samples = new short[Codec.FRAME_SAMPLES];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) (1000 + 100 * frame + 20 * i); // never silence
                }
                byte[] alaw = Codec.PCMA.encode(samples, 0, samples.length);
                sent.add(alaw);
                caller.sendAudio(callerLeg.localPort(), 8, alaw);
            }

            List<RtpPacket> heard = agent.receiveUntil(packets -> relayed(packets).size() == 10, WAIT_MILLIS);
            List<RtpPacket> relayed = relayed(heard);
            for (int frame = 0; frame < 10; frame++) {
                byte[] expected = Codec.PCMU.encode(Codec.PCMA.decode(sent.get(frame)), 0, Codec.FRAME_SAMPLES);
                assertArrayEquals("frame " + frame + " transcoded A-law -> µ-law", expected,
                        relayed.get(frame).payload());
                assertEquals(0, relayed.get(frame).payloadType());
            }
            for (int i = 0; i < heard.size(); i++) {
                RtpPacket packet = heard.get(i);
                assertEquals("the agent leg's own SSRC, silence and relay alike", agentLeg.ssrc(), packet.ssrc());
                if (i > 0) {
                    assertEquals("sequence continuous across the switch from silence to relay",
                            (heard.get(i - 1).sequenceNumber() + 1) & 0xFFFF, packet.sequenceNumber());
                    long step = (packet.timestamp() - heard.get(i - 1).timestamp()) & 0xFFFFFFFFL;
                    assertTrue("timestamps go forward: " + step, step > 0 && step < 1L << 31);
                }
            }
            for (int frame = 1; frame < 10; frame++) {
                assertEquals("relayed frames keep the caller's spacing", 160,
                        relayed.get(frame).timestamp() - relayed.get(frame - 1).timestamp());
            }
            assertEquals(10, callerLeg.statistics().packetsReceived());
            assertEquals(0, callerLeg.statistics().packetsLost());
        }
    }

    @Test
    public void bridgedLegsRelayBothWaysAndLossIsCounted() throws Exception {
        try (RemoteParty caller = new RemoteParty(1); RemoteParty agent = new RemoteParty(2)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            agentLeg.bridge(callerLeg);
            assertEquals(agentLeg, callerLeg.bridgedTo());

            byte[] voice = new byte[160];
            java.util.Arrays.fill(voice, (byte) 0x23);
            agent.sendAudio(agentLeg.localPort(), 0, voice);
            agent.lose(3);
            agent.sendAudio(agentLeg.localPort(), 0, voice);
            caller.sendAudio(callerLeg.localPort(), 0, voice);

            assertEquals(2, caller.receiveUntil(packets -> relayed(packets).size() == 2, WAIT_MILLIS).stream()
                    .filter(p -> p.payload()[0] == 0x23).count());
            assertEquals(1, agent.receiveUntil(packets -> relayed(packets).size() == 1, WAIT_MILLIS).stream()
                    .filter(p -> p.payload()[0] == 0x23).count());
            assertEquals(3, agentLeg.statistics().packetsLost());
            assertTrue(callerLeg.statistics().packetsSent() >= 2);
        }
    }

    @Test
    public void dtmfIsReportedOnceAndRelayedWithThePayloadTypeTheOtherLegAgreed() throws Exception {
        try (RemoteParty caller = new RemoteParty(3); RemoteParty agent = new RemoteParty(4)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller",
                    caller.sdp("0 96", "a=rtpmap:96 telephone-event/8000", "a=fmtp:96 0-15"));
            RtpLeg agentLeg = (RtpLeg) media.server().offer("c1", "1001");
            agentLeg.answered(agent.sdp("0 101", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15"));
            BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
            callerLeg.onDtmf(keys::add);
            callerLeg.bridge(agentLeg);

            long start = caller.timestamp();
            caller.sendEvent(callerLeg.localPort(), 96, start, new TelephoneEvent(7, false, 10, 160));
            caller.sendEvent(callerLeg.localPort(), 96, start, new TelephoneEvent(7, false, 10, 320));
            for (int copy = 0; copy < 3; copy++) {
                caller.sendEvent(callerLeg.localPort(), 96, start, new TelephoneEvent(7, true, 10, 480));
            }
            caller.sendEvent(callerLeg.localPort(), 96, start + 800, new TelephoneEvent(7, true, 10, 320));

            List<RtpPacket> events = agent.receiveUntil(
                    packets -> packets.stream().filter(p -> p.payloadType() == 101).count() == 6, WAIT_MILLIS);
            assertEquals(Character.valueOf('7'), keys.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
            assertEquals(Character.valueOf('7'), keys.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
            assertEquals("two presses, each once", null, keys.poll(200, TimeUnit.MILLISECONDS));
            List<RtpPacket> relayedEvents = events.stream().filter(p -> p.payloadType() == 101).toList();
            assertEquals(7, TelephoneEvent.parse(relayedEvents.get(0).payload()).event());
            assertEquals("the packets of one event keep one timestamp", relayedEvents.get(0).timestamp(),
                    relayedEvents.get(4).timestamp());
            assertEquals(800, relayedEvents.get(5).timestamp() - relayedEvents.get(0).timestamp());
        }
    }

    @Test
    public void aFailingDtmfListenerDoesNotStopTheLeg() throws Exception {
        try (RemoteParty caller = new RemoteParty(5)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller",
                    caller.sdp("0 101", "a=rtpmap:101 telephone-event/8000"));
            BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
            leg.onDtmf(key -> {
                keys.add(key);
                throw new IllegalStateException("listener bug");
            });
            caller.sendEvent(leg.localPort(), 101, 1000, new TelephoneEvent(1, true, 10, 400));
            caller.sendEvent(leg.localPort(), 101, 2000, new TelephoneEvent(2, true, 10, 400));
            assertEquals(Character.valueOf('1'), keys.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
            assertEquals(Character.valueOf('2'), keys.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    public void legLatchesToTheAddressItsRemotePartyActuallySendsFrom() throws Exception {
        try (RemoteParty announced = new RemoteParty(6); RemoteParty behindNat = new RemoteParty(7);
                RemoteParty stranger = new RemoteParty(8)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", announced.sdp("0"));
            assertTrue("before any packet, the SDP's address", announced.receive(WAIT_MILLIS) != null);

            byte[] voice = new byte[160];
            behindNat.sendAudio(leg.localPort(), 0, voice);
            RtpPacket toNat = behindNat.receive(WAIT_MILLIS);
            assertTrue("after the first packet, the address it came from", toNat != null);
            assertEquals(leg.ssrc(), toNat.ssrc());

            long dropped = leg.packetsDropped();
            stranger.sendAudio(leg.localPort(), 0, voice);
            behindNat.sendAudio(leg.localPort(), 0, voice);
            waitFor(() -> leg.statistics().packetsReceived() == 2);
            assertEquals("the stranger's packet dropped and counted", dropped + 1, leg.packetsDropped());
        }
    }

    @Test
    public void badDatagramsAreDroppedAndCountedAndTheLegGoesOn() throws Exception {
        try (RemoteParty caller = new RemoteParty(9)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            caller.sendRaw(leg.localPort(), new byte[] { 1, 2, 3 });
            caller.sendRaw(leg.localPort(), new byte[ReceiveLoop.MAX_DATAGRAM + 100]);
            caller.send(leg.localPort(), new RtpPacket(false, 18, 1, 1, 9, new byte[20])); // G.729: not agreed
            caller.sendAudio(leg.localPort(), 0, new byte[160]);
            waitFor(() -> leg.statistics().packetsReceived() == 1);
            assertEquals(3, leg.packetsDropped());
        }
    }

    @Test
    public void everyReceivedFrameReachesTheAudioTapDecoded() throws Exception {
        try (RemoteParty caller = new RemoteParty(10)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("8"));
            BlockingQueue<short[]> frames = new LinkedBlockingQueue<>();
            leg.tapReceived((samples, receivedNanos) -> frames.add(samples));
            short[] samples = { 100, -200, 3000, -4000 };
            caller.sendAudio(leg.localPort(), 8, Codec.PCMA.encode(samples, 0, samples.length));
            short[] tapped = frames.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            assertArrayEquals(Codec.PCMA.decode(Codec.PCMA.encode(samples, 0, samples.length)), tapped);
        }
    }

    @Test
    public void aRemovedTapGetsNoMoreFramesWhileAnotherTapStillDoes() throws Exception {
        try (RemoteParty caller = new RemoteParty(13)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            BlockingQueue<short[]> removed = new LinkedBlockingQueue<>();
            BlockingQueue<short[]> kept = new LinkedBlockingQueue<>();
            leg.tapReceived((samples, receivedNanos) -> removed.add(samples)).remove();
            leg.tapReceived((samples, receivedNanos) -> kept.add(samples));
            caller.sendAudio(leg.localPort(), 0, new byte[160]);
            assertEquals(160, kept.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS).length);
            assertTrue(removed.isEmpty());
        }
    }

    @Test
    public void theLegsOfACallAreFoundByItsIdUntilTheyClose() throws Exception {
        try (RemoteParty caller = new RemoteParty(14); RemoteParty agent = new RemoteParty(15)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c7", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c7", "1001", agent.sdp("0"));
            media.server().answer("c8", "caller", caller.sdp("0")).close();
            assertEquals(List.of(callerLeg, agentLeg), media.server().legsOf("c7"));
            assertEquals("c7", agentLeg.callId());
            assertEquals("1001", agentLeg.name());
            agentLeg.close();
            assertEquals(List.of(callerLeg), media.server().legsOf("c7"));
            assertTrue(media.server().legsOf("c8").isEmpty());
        }
    }

    @Test
    public void unbridgedLegsGoBackToTheirOwnAudioInTheSameStream() throws Exception {
        try (RemoteParty caller = new RemoteParty(11); RemoteParty agent = new RemoteParty(12)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            callerLeg.bridge(agentLeg);
            byte[] voice = new byte[160];
            java.util.Arrays.fill(voice, (byte) 0x42);
            agent.sendAudio(agentLeg.localPort(), 0, voice);
            caller.receiveUntil(packets -> relayed(packets).size() == 1, WAIT_MILLIS);
            agentLeg.unbridge();
            assertEquals(null, callerLeg.bridgedTo());
            List<RtpPacket> after = caller.receiveUntil(packets -> packets.size() == 3, WAIT_MILLIS);
            for (RtpPacket packet : after) {
                assertEquals(callerLeg.ssrc(), packet.ssrc());
                assertEquals("silence again", G711.ULAW_SILENCE, packet.payload()[0]);
            }
        }
    }

    @Test
    public void bridgedLegPlaysNothingSoThatNoAnnouncementEverCoversTheAgent() throws Exception {
        try (RemoteParty caller = new RemoteParty(14); RemoteParty agent = new RemoteParty(15)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            callerLeg.bridge(agentLeg);

            assertEquals(false, callerLeg.playMusicOnHold().finished().toCompletableFuture().getNow(null));
            byte[] voice = new byte[160];
            java.util.Arrays.fill(voice, (byte) 0x42);
            agent.sendAudio(agentLeg.localPort(), 0, voice);
            List<RtpPacket> packets = caller.receiveUntil(
                    received -> received.stream().anyMatch(p -> p.payload()[0] == 0x42), WAIT_MILLIS);
            assertTrue("only the agent's voice reaches the caller",
                    relayed(packets).stream().allMatch(p -> p.payload()[0] == 0x42));
        }
    }

    @Test
    public void closedLegReleasesItsPortAndStopsSending() throws Exception {
        try (RemoteParty caller = new RemoteParty(13)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            assertEquals(1, media.server().openLegs());
            assertTrue(caller.receive(WAIT_MILLIS) != null);
            leg.close();
            leg.close();
            assertEquals(0, media.server().openLegs());
            waitFor(() -> {
                try (java.nio.channels.DatagramChannel channel = java.nio.channels.DatagramChannel.open()) {
                    channel.bind(new java.net.InetSocketAddress("127.0.0.1", leg.localPort()));
                    return true;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            while (caller.receive(100) != null) {
                // what was sent before the close
            }
            assertEquals(null, caller.receive(200));
        }
    }

    @Test
    public void legsOfOneServerGetDistinctPortsAndSsrcs() throws Exception {
        RtpLeg first = (RtpLeg) media.server().offer("c1", "a");
        RtpLeg second = (RtpLeg) media.server().offer("c1", "b");
        assertNotEquals(first.localPort(), second.localPort());
        assertNotEquals(first.ssrc(), second.ssrc());
        assertFalse(first.remoteHolds());
    }

    /** Packets that are not the leg's silence. */
    private static List<RtpPacket> relayed(List<RtpPacket> packets) {
        return packets.stream().filter(p -> p.payload().length > 0 && p.payload()[0] != G711.ULAW_SILENCE
                && p.payload()[0] != G711.ALAW_SILENCE).toList();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(10);
        }
    }
}
