package org.switchboard.api.media;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One RTP endpoint of the server, facing one party of a call. While it is not bridged, what it sends is what
 * it plays (silence otherwise); once bridged, the audio and DTMF the other leg receives are relayed to it.
 * Methods return at once; callbacks come from the media threads and must not block.
 */
@ProviderType
public interface MediaLeg extends AutoCloseable {

    /**
     * The server's id of the call this leg belongs to, as given when it was opened (empty from an implementation
     * older than 1.1).
     *
     * @since 1.1
     */
    default String callId() {
        return "";
    }

    /**
     * Which leg of its call this is, as given when it was opened ("caller", an agent's id, "number:DIGITS");
     * empty from an implementation older than 1.1.
     *
     * @since 1.1
     */
    default String name() {
        return "";
    }

    /** The SDP that describes this endpoint: the offer, or the answer to the remote offer. */
    String localDescription();

    /**
     * The remote answer to this leg's offer.
     *
     * @throws MediaException when it is not valid SDP or chose no codec of the offer
     */
    void answered(String answer) throws MediaException;

    /**
     * A new offer from the remote party inside the call (a re-INVITE): a changed address, or hold
     * ({@code sendonly}/{@code inactive}) and unhold. Returns the SDP answer to send back.
     *
     * @throws MediaException when it is not valid SDP or has no codec in common
     */
    String reoffered(String offer) throws MediaException;

    /** Whether the remote party has put this leg on hold (its last offer was sendonly or inactive). */
    boolean remoteHolds();

    /**
     * Plays prompts one after the other, by name (for example {@code "welcome"}, {@code "digits/4"}), replacing
     * whatever was playing. Unknown names are skipped with a log entry.
     */
    Playback play(List<String> prompts);

    /** Plays music on hold in a loop until stopped or replaced. */
    Playback playMusicOnHold();

    /** Plays the ringback tone (425 Hz, 1 s on, 4 s off) until stopped or replaced. */
    Playback playRingback();

    /** Stops whatever is playing; the leg sends silence (or relays its bridge). */
    void stopPlaying();

    /** Called with each DTMF key the remote party presses ({@code 0-9 * # A-D}), once per key press. */
    void onDtmf(Consumer<Character> listener);

    /**
     * Relays audio and DTMF between this leg and {@code other} in both directions, stopping what either plays.
     * A leg is bridged to at most one other leg; bridging again replaces the previous bridge.
     */
    void bridge(MediaLeg other);

    /** Ends the relay with the other leg, if any; both legs then send what they play. */
    void unbridge();

    /**
     * Gives {@code tap} every audio frame this leg receives from now on (20 ms, decoded to 16-bit samples at
     * 8 kHz), until the returned registration is removed or the leg closes. For recording and monitoring. An
     * implementation that cannot tap its audio (one older than 1.1) gives nothing and a registration that does
     * nothing.
     *
     * @since 1.1
     */
    default AudioTap.Registration tapReceived(AudioTap tap) {
        return () -> { };
    }

    /**
     * Sends this leg, every 20 ms, the sum of the audio that {@code sources} receive (what their remote parties say),
     * in place of the audio its bridge relays; DTMF is still relayed, and what the leg plays still comes first. For
     * conferences and supervision: a supervisor's leg hears the caller's and the agent's legs; in a whisper the
     * agent's leg hears the caller's and the supervisor's. A source that closes or says nothing adds silence.
     * Asking again replaces the sources; an empty list ends the mix, and the leg relays its bridge again (or sends
     * what it plays, or silence).
     *
     * @throws IllegalArgumentException when a source is this leg or a leg of another media server
     * @since 1.2
     */
    default void hearMix(List<MediaLeg> sources) {
        throw new UnsupportedOperationException("this media server cannot mix audio");
    }

    /**
     * The legs this leg hears through {@link #hearMix}, in the order given; empty while it hears its bridge's relay
     * or what it plays. The recording reads it: a supervisor's voice belongs to the call's record once the caller
     * hears it (a barge). An implementation older than 1.3 gives an empty list.
     *
     * @since 1.3
     */
    default List<MediaLeg> mixSources() {
        return List.of();
    }

    /**
     * Calls {@code listener} once when this leg has received no RTP for the media server's media timeout, counted
     * from this call on: a phone that lost its power or its network sends no BYE, and its call would otherwise hold
     * an agent for ever. Time on hold (the remote party's last offer was sendonly or inactive) does not count.
     * Asking again replaces the listener and counts from then. Nothing is called when the timeout is off or the leg
     * closes first; the listener runs on a media thread and must not block. An implementation older than 1.3 never
     * calls it.
     *
     * @since 1.3
     */
    default void onMediaTimeout(Runnable listener) {
    }

    /** What this leg has sent and received so far. */
    MediaStatistics statistics();

    /** Releases the RTP port; stops playing and relaying. Closing twice does nothing. */
    @Override
    void close();
}
