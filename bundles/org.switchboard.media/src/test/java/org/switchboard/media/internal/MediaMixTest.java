package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/**
 * Legs that hear the mix of other legs, as supervision uses them: phones on 127.0.0.1 speak steady levels, and
 * what a leg sends is their sum.
 */
public class MediaMixTest {
    private static final int WAIT_MILLIS = 5000;
    private static final int CALLER_LEVEL = 1000;
    private static final int AGENT_LEVEL = 2000;
    private static final int SUPERVISOR_LEVEL = 4000;

    private final TemporaryFolder folder = new TemporaryFolder();
    private final MediaServerFixture media = new MediaServerFixture(folder);
    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(media);

    @Test
    public void aListeningLegHearsBothPartiesWhileTheyStillHearOnlyEachOther() throws Exception {
        try (RemoteParty caller = new RemoteParty(1); RemoteParty agent = new RemoteParty(2);
                RemoteParty supervisor = new RemoteParty(3)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            RtpLeg supervisorLeg = (RtpLeg) media.server().answer("c1", "supervisor:1002", supervisor.sdp("8"));
            callerLeg.bridge(agentLeg);
            supervisorLeg.hearMix(List.of(callerLeg, agentLeg));

            try (Speaker speaking = new Speaker().add(caller, callerLeg, CALLER_LEVEL)
                    .add(agent, agentLeg, AGENT_LEVEL).start()) {
                assertTrue("the supervisor hears caller + agent (A-law, its own codec)",
                        hears(supervisor, Codec.PCMA, CALLER_LEVEL + AGENT_LEVEL));
                assertTrue("the caller hears the agent", hears(caller, Codec.PCMU, AGENT_LEVEL));
                assertTrue("the agent hears the caller", hears(agent, Codec.PCMU, CALLER_LEVEL));
            }
        }
    }

    @Test
    public void aWhisperReachesTheAgentMixedWithTheCallerAndNeverTheCaller() throws Exception {
        try (RemoteParty caller = new RemoteParty(4); RemoteParty agent = new RemoteParty(5);
                RemoteParty supervisor = new RemoteParty(6)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            RtpLeg supervisorLeg = (RtpLeg) media.server().answer("c1", "supervisor:1002", supervisor.sdp("0"));
            callerLeg.bridge(agentLeg);
            supervisorLeg.hearMix(List.of(callerLeg, agentLeg));
            agentLeg.hearMix(List.of(callerLeg, supervisorLeg));

            try (Speaker speaking = new Speaker().add(caller, callerLeg, CALLER_LEVEL)
                    .add(agent, agentLeg, AGENT_LEVEL).add(supervisor, supervisorLeg, SUPERVISOR_LEVEL)
                    .start()) {
                assertTrue("the agent hears caller + supervisor",
                        hears(agent, Codec.PCMU, CALLER_LEVEL + SUPERVISOR_LEVEL));
                assertTrue("the caller hears the agent alone", hearsOnly(caller, Codec.PCMU, AGENT_LEVEL));
            }
        }
    }

    @Test
    public void anEmptyMixGivesTheLegItsBridgeBackPacketForPacket() throws Exception {
        try (RemoteParty caller = new RemoteParty(7); RemoteParty agent = new RemoteParty(8);
                RemoteParty supervisor = new RemoteParty(9)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            RtpLeg supervisorLeg = (RtpLeg) media.server().answer("c1", "supervisor:1002", supervisor.sdp("0"));
            callerLeg.bridge(agentLeg);
            agentLeg.hearMix(List.of(callerLeg, supervisorLeg));
            assertEquals("what the agent hears, as given", List.of(callerLeg, supervisorLeg), agentLeg.mixSources());
            assertEquals("a bridged leg hears no mix", List.of(), callerLeg.mixSources());
            agentLeg.hearMix(List.of());
            assertEquals(List.of(), agentLeg.mixSources());
            supervisorLeg.close();

            byte[] voice = new byte[160];
            Arrays.fill(voice, (byte) 0x23);
            caller.sendAudio(callerLeg.localPort(), 0, voice);
            List<RtpPacket> heard = agent.receiveUntil(
                    packets -> packets.stream().anyMatch(p -> p.payload()[0] == 0x23), WAIT_MILLIS);
            assertArrayEquals("relayed as it came", voice, heard.get(heard.size() - 1).payload());
        }
    }

    @Test
    public void loudPartiesAreClippedNotWrappedAround() throws Exception {
        try (RemoteParty caller = new RemoteParty(10); RemoteParty agent = new RemoteParty(11);
                RemoteParty supervisor = new RemoteParty(12)) {
            RtpLeg callerLeg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg agentLeg = (RtpLeg) media.server().answer("c1", "1001", agent.sdp("0"));
            RtpLeg supervisorLeg = (RtpLeg) media.server().answer("c1", "supervisor:1002", supervisor.sdp("0"));
            supervisorLeg.hearMix(List.of(callerLeg, agentLeg));
            try (Speaker speaking = new Speaker().add(caller, callerLeg, 30000).add(agent, agentLeg, 30000)
                    .start()) {
                assertTrue("full scale, positive", hears(supervisor, Codec.PCMU, 32124));
            }
        }
    }

    @Test
    public void aLegCannotHearItselfOrAnotherServersLeg() throws Exception {
        try (RemoteParty caller = new RemoteParty(13);
                RtpMediaServer other = new RtpMediaServer(media.settings(41000, 41099))) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            RtpLeg foreign = (RtpLeg) other.answer("c2", "caller", caller.sdp("0"));
            assertThrows(IllegalArgumentException.class, () -> leg.hearMix(List.of(leg)));
            assertThrows(IllegalArgumentException.class, () -> leg.hearMix(List.of(foreign)));
        }
    }

    /** Whether a frame decoding to {@code level} everywhere (within G.711's step there) arrives in time. */
    private static boolean hears(RemoteParty party, Codec codec, int level) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < end) {
            RtpPacket packet = party.receive(WAIT_MILLIS);
            if (packet != null && isLevel(codec.decode(packet.payload()), level)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code level} arrives, and no frame before it carried more than that level. */
    private static boolean hearsOnly(RemoteParty party, Codec codec, int level) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        int tolerance = level / 16 + 8;
        boolean heard = false;
        int framesSinceHeard = 0;
        while (System.currentTimeMillis() < end && framesSinceHeard < 25) {
            RtpPacket packet = party.receive(WAIT_MILLIS);
            if (packet == null) {
                continue;
            }
            short[] samples = codec.decode(packet.payload());
            if (Math.abs(samples[0]) > level + tolerance) {
                return false;
            }
            heard |= isLevel(samples, level);
            framesSinceHeard += heard ? 1 : 0;
        }
        return heard;
    }

    private static boolean isLevel(short[] samples, int level) {
        int tolerance = level / 16 + 8;
        return Arrays.stream(toInts(samples)).allMatch(sample -> Math.abs(sample - level) <= tolerance);
    }

    private static int[] toInts(short[] samples) {
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = samples[i];
        }
        return ints;
    }

    /** Phones that each send a steady level (µ-law) to their leg every 20 ms, from one thread, until closed. */
    private static final class Speaker implements AutoCloseable {
        private final List<Runnable> sends = new java.util.ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Speaker add(RemoteParty party, RtpLeg leg, int level) {
            short[] samples = new short[Codec.FRAME_SAMPLES];
            Arrays.fill(samples, (short) level);
            byte[] payload = Codec.PCMU.encode(samples, 0, samples.length);
            sends.add(() -> {
                try {
                    party.sendAudio(leg.localPort(), 0, payload);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return this;
        }

        Speaker start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    sends.forEach(Runnable::run);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "speaker");
            thread.setDaemon(true);
            thread.start();
            return this;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(1000);
        }
    }
}
