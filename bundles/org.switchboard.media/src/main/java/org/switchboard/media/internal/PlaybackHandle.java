package org.switchboard.media.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.switchboard.api.media.Playback;

/** What one {@link RtpLeg} plays, and how it ended. */
final class PlaybackHandle implements Playback {
    private final RtpLeg leg;
    private final AudioSource source;
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();

    PlaybackHandle(RtpLeg leg, AudioSource source) {
        this.leg = leg;
        this.source = source;
    }

    AudioSource source() {
        return source;
    }

    @Override
    public CompletionStage<Boolean> finished() {
        return finished.minimalCompletionStage();
    }

    @Override
    public void stop() {
        leg.stop(this);
    }

    /** Completes once; callers hold no lock, since the dependents run in this thread. */
    void complete(boolean playedToTheEnd) {
        finished.complete(playedToTheEnd);
    }
}
