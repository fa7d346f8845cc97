package org.switchboard.recording.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.switchboard.api.media.AudioTap;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaStatistics;
import org.switchboard.api.media.Playback;

/**
 * A leg of a call whose received audio the test gives ({@link #receive}); it hands it to its taps as the media
 * server's receive loop would. It does nothing else.
 */
final class TestLeg implements MediaLeg {
    private final String callId;
    private final String name;
    private final List<AudioTap> taps = new CopyOnWriteArrayList<>();
    private volatile List<MediaLeg> mixSources = List.of();

    TestLeg(String callId, String name) {
        this.callId = callId;
        this.name = name;
    }

    /** The remote party sent a frame. */
    void receive(short[] frame) {
        for (AudioTap tap : taps) {
            tap.frame(frame, System.nanoTime());
        }
    }

    /** The legs it hears through a mix from now on (empty: its bridge). */
    void hearing(List<MediaLeg> sources) {
        mixSources = List.copyOf(sources);
    }

    @Override
    public List<MediaLeg> mixSources() {
        return mixSources;
    }

    int taps() {
        return taps.size();
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AudioTap.Registration tapReceived(AudioTap tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    @Override
    public String localDescription() {
        throw new UnsupportedOperationException("no SDP in this test");
    }

    @Override
    public void answered(String answer) {
        throw new UnsupportedOperationException("no SDP in this test");
    }

    @Override
    public String reoffered(String offer) {
        throw new UnsupportedOperationException("no SDP in this test");
    }

    @Override
    public boolean remoteHolds() {
        return false;
    }

    @Override
    public Playback play(List<String> prompts) {
        throw new UnsupportedOperationException("nothing is played in this test");
    }

    @Override
    public Playback playMusicOnHold() {
        throw new UnsupportedOperationException("nothing is played in this test");
    }

    @Override
    public Playback playRingback() {
        throw new UnsupportedOperationException("nothing is played in this test");
    }

    @Override
    public void stopPlaying() {
    }

    @Override
    public void onDtmf(Consumer<Character> listener) {
    }

    @Override
    public void bridge(MediaLeg other) {
    }

    @Override
    public void unbridge() {
    }

    @Override
    public MediaStatistics statistics() {
        return new MediaStatistics(0, 0, 0, 0, "PCMU");
    }

    @Override
    public void close() {
        taps.clear();
    }
}
