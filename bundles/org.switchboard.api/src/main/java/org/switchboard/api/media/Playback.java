package org.switchboard.api.media;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** Something being played to a leg. */
@ProviderType
public interface Playback {

    /**
     * Completes with {@code true} when everything was played to the end, {@code false} when it was stopped,
     * replaced or its leg closed first. A looping playback completes only when stopped.
     */
    CompletionStage<Boolean> finished();

    /** Stops this playback if it is still the one playing. */
    void stop();
}
