package org.switchboard.ivr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaStatistics;
import org.switchboard.api.media.Playback;

/**
 * A caller's media leg for tests: records what is played ("welcome,menu", or "music"), lets the test finish the
 * current playback and press keys. A new playback replaces the current one, as on a real leg.
 */
final class RecordingLeg implements MediaLeg {
    static final String MUSIC = "music";

    final List<String> played = new ArrayList<>();
    private final List<Consumer<Character>> listeners = new ArrayList<>();
    private RecordedPlayback current;

    private final class RecordedPlayback implements Playback {
        final CompletableFuture<Boolean> finished = new CompletableFuture<>();

        @Override
        public CompletionStage<Boolean> finished() {
            return finished;
        }

        @Override
        public void stop() {
            if (current == this) {
                stopPlaying();
            }
        }
    }

    /** The current prompts play to their end. */
    void finishPlayback() {
        RecordedPlayback playback = current;
        current = null;
        if (playback == null) {
            throw new IllegalStateException("nothing is playing");
        }
        playback.finished.complete(true);
    }

    void press(String keys) {
        for (char key : keys.toCharArray()) {
            List.copyOf(listeners).forEach(listener -> listener.accept(key));
        }
    }

    String lastPlayed() {
        return played.isEmpty() ? "" : played.get(played.size() - 1);
    }

    boolean isPlaying() {
        return current != null;
    }

    private Playback start(String what) {
        RecordedPlayback previous = current;
        current = new RecordedPlayback();
        played.add(what);
        if (previous != null) {
            previous.finished.complete(false);
        }
        return current;
    }

    @Override
    public Playback play(List<String> prompts) {
        return start(String.join(",", prompts));
    }

    @Override
    public Playback playMusicOnHold() {
        return start(MUSIC);
    }

    @Override
    public Playback playRingback() {
        return start("ringback");
    }

    @Override
    public void stopPlaying() {
        RecordedPlayback playback = current;
        current = null;
        if (playback != null) {
            playback.finished.complete(false);
        }
    }

    @Override
    public void onDtmf(Consumer<Character> listener) {
        listeners.add(listener);
    }

    @Override
    public String localDescription() {
        return "v=0";
    }

    @Override
    public void answered(String answer) {
    }

    @Override
    public String reoffered(String offer) {
        return "v=0";
    }

    @Override
    public boolean remoteHolds() {
        return false;
    }

    @Override
    public void bridge(MediaLeg other) {
        stopPlaying();
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
        stopPlaying();
    }
}
