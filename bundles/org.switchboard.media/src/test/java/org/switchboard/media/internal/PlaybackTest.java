package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.media.Playback;

public class PlaybackTest {
    private static final int WAIT_MILLIS = 5000;

    private final TemporaryFolder folder = new TemporaryFolder();
    private final MediaServerFixture media = new MediaServerFixture(folder);
    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(media);

    @Test
    public void muLawPromptArrivesSampleForSample() throws Exception {
        short[] prompt = sweep(1000); // 6.25 frames: the last one is padded with silence
        byte[] ulaw = Codec.PCMU.encode(prompt, 0, prompt.length);
        Files.write(media.prompts().resolve("welcome.wav"), Wav.ulaw(ulaw));
        short[] expected = Codec.PCMU.decode(ulaw);

        try (RemoteParty caller = new RemoteParty(1)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            Playback playback = leg.play(List.of("welcome"));
            assertTrue(finished(playback));
            short[] heard = heardAfterSilence(caller, expected.length, Codec.PCMU);
            assertArrayEquals(expected, heard);
        }
    }

    @Test
    public void pcmPromptsInSubfoldersArePlayedOneAfterTheOtherToAnALawPhone() throws Exception {
        short[] first = sweep(480);
        short[] second = sweep(320);
        Files.createDirectories(media.prompts().resolve("digits"));
        Files.write(media.prompts().resolve("digits/4.wav"), Wav.pcm16(first, true));
        Files.write(media.prompts().resolve("digits/5.wav"), Wav.pcm16(second, false));
        short[] both = new short[800];
        System.arraycopy(first, 0, both, 0, 480);
        System.arraycopy(second, 0, both, 480, 320);
        short[] expected = Codec.PCMA.decode(Codec.PCMA.encode(both, 0, both.length));

        try (RemoteParty caller = new RemoteParty(2)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("8"));
            Playback playback = leg.play(List.of("digits/4", "digits/5"));
            assertTrue(finished(playback));
            assertArrayEquals(expected, heardAfterSilence(caller, expected.length, Codec.PCMA));
        }
    }

    @Test
    public void unknownAndUnplayablePromptsAreSkipped() throws Exception {
        short[] prompt = sweep(320);
        Files.write(media.prompts().resolve("known.wav"), Wav.pcm16(prompt, false));
        Files.write(media.prompts().resolve("cd-quality.wav"), WavReaderTest.wav(1, 2, 44100, 16, new byte[400]));
        Files.write(folder.getRoot().toPath().resolve("secret.wav"), Wav.pcm16(prompt, false));

        try (RemoteParty caller = new RemoteParty(3)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            Playback playback = leg.play(List.of("missing", "cd-quality", "../secret", "known"));
            assertTrue(finished(playback));
            short[] expected = Codec.PCMU.decode(Codec.PCMU.encode(prompt, 0, prompt.length));
            assertArrayEquals(expected, heardAfterSilence(caller, expected.length, Codec.PCMU));
        }
        assertTrue(media.server().hasPrompt("known"));
        assertFalse(media.server().hasPrompt("cd-quality"));
        assertFalse(media.server().hasPrompt("missing"));
        assertFalse(media.server().hasPrompt("../secret"));
    }

    @Test
    public void playbackThatIsStoppedReplacedOrClosedFinishesUnfinished() throws Exception {
        Files.write(media.prompts().resolve("long.wav"), Wav.pcm16(sweep(8000 * 30), false));
        RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", RemoteParty.sdpAt(5004, "0"));
        Playback stopped = leg.play(List.of("long"));
        stopped.stop();
        assertFalse(finished(stopped));

        Playback replaced = leg.play(List.of("long"));
        Playback music = leg.playMusicOnHold();
        assertFalse(finished(replaced));
        leg.stopPlaying();
        assertFalse(finished(music));

        Playback ringback = leg.playRingback();
        leg.close();
        assertFalse(finished(ringback));
        assertFalse("a closed leg plays nothing", finished(leg.play(List.of("long"))));
    }

    @Test
    public void bridgingStopsWhatEitherLegPlays() throws Exception {
        RtpLeg caller = (RtpLeg) media.server().answer("c1", "caller", RemoteParty.sdpAt(5004, "0"));
        RtpLeg agent = (RtpLeg) media.server().answer("c1", "1001", RemoteParty.sdpAt(5006, "0"));
        Playback ringback = caller.playRingback();
        Playback music = agent.playMusicOnHold();
        caller.bridge(agent);
        assertFalse(finished(ringback));
        assertFalse(finished(music));
    }

    @Test
    public void musicOnHoldLoopsItsFile() throws Exception {
        short[] music = sweep(240); // a frame and a half: the loop runs across frame boundaries
        Files.write(folder.getRoot().toPath().resolve("moh.wav"), Wav.pcm16(music, false));
        short[] encodedMusic = Codec.PCMU.decode(Codec.PCMU.encode(music, 0, music.length));
        try (RemoteParty caller = new RemoteParty(4)) {
            RtpLeg leg = (RtpLeg) media.server().answer("c1", "caller", caller.sdp("0"));
            leg.playMusicOnHold();
            short[] heard = heardAfterSilence(caller, 240 * 4, Codec.PCMU);
            for (int i = 0; i < heard.length; i++) {
                assertEquals("sample " + i, encodedMusic[i % 240], heard[i]);
            }
        }
    }

    @Test
    public void ringbackIsOneSecondOf425HzThenFourOfSilence() {
        short[] cycle = new Tones().ringbackCycle();
        assertEquals(5 * 8000, cycle.length);
        int crossings = 0;
        for (int i = 1; i < 8000; i++) {
            if ((cycle[i - 1] < 0) != (cycle[i] < 0)) {
                crossings++;
            }
        }
        assertEquals("425 Hz crosses zero 850 times a second", 850, crossings, 2);
        assertTrue(Arrays.stream(toInts(Arrays.copyOfRange(cycle, 8000, 40000))).allMatch(s -> s == 0));
        assertEquals(8000, Arrays.stream(toInts(Arrays.copyOfRange(cycle, 0, 8000))).max().orElseThrow(), 1);
    }

    @Test
    public void aReplacedPromptFileIsReadAgain() throws Exception {
        Path file = media.prompts().resolve("menu.wav");
        Files.write(file, Wav.pcm16(new short[] { 1, 2, 3 }, false));
        AudioFiles files = new AudioFiles();
        assertArrayEquals(new short[] { 1, 2, 3 }, files.samples(file).orElseThrow());
        assertTrue("cached", files.samples(file).orElseThrow() == files.samples(file).orElseThrow());
        Files.write(file, Wav.pcm16(new short[] { 4, 5, 6, 7 }, false));
        assertArrayEquals(new short[] { 4, 5, 6, 7 }, files.samples(file).orElseThrow());
        Files.delete(file);
        assertFalse(files.samples(file).isPresent());
    }

    private static boolean finished(Playback playback) throws Exception {
        return playback.finished().toCompletableFuture().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The samples the party hears from the first frame that is not silence on, {@code count} of them. */
    private static short[] heardAfterSilence(RemoteParty party, int count, Codec codec) throws Exception {
        List<RtpPacket> packets = party.receiveUntil(received -> samplesAfterSilence(received) >= count, WAIT_MILLIS);
        short[] heard = new short[count];
        int filled = 0;
        boolean started = false;
        Integer previousSequence = null;
        for (RtpPacket packet : packets) {
            if (previousSequence != null) {
                assertEquals((previousSequence + 1) & 0xFFFF, packet.sequenceNumber());
            }
            previousSequence = packet.sequenceNumber();
            started |= !isSilence(packet);
            if (started && filled < count) {
                short[] samples = codec.decode(packet.payload());
                int take = Math.min(samples.length, count - filled);
                System.arraycopy(samples, 0, heard, filled, take);
                filled += take;
            }
        }
        return heard;
    }

    private static int samplesAfterSilence(List<RtpPacket> packets) {
        int samples = 0;
        boolean started = false;
        for (RtpPacket packet : packets) {
            started |= !isSilence(packet);
            if (started) {
                samples += packet.payload().length;
            }
        }
        return samples;
    }

    private static boolean isSilence(RtpPacket packet) {
        for (byte value : packet.payload()) {
            if (value != G711.ULAW_SILENCE && value != G711.ALAW_SILENCE) {
                return false;
            }
        }
        return true;
    }

    /** A rising tone that never is silence in its first frame. */
    private static short[] sweep(int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) (3000 * Math.sin(i * (0.05 + i * 0.0001)) + (i % 7) * 11 + 500);
        }
        return samples;
    }

    private static int[] toInts(short[] samples) {
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = samples[i];
        }
        return ints;
    }
}
