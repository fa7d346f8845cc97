package org.switchboard.media.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.AudioTap;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaStatistics;
import org.switchboard.api.media.Playback;

/**
 * One RTP endpoint of the server. The receive loop hands it the datagrams of its port ({@link #received}); it
 * reports DTMF and relays audio and telephone events to the leg it is bridged to, in that thread. The pacing
 * thread asks it for its next frame every 20 ms ({@link #tick}).
 * <p>
 * Choices the API leaves open: when nothing plays and the leg is not bridged, it sends encoded silence (which
 * keeps NAT bindings and the phones' RTP timeouts alive). A key press is reported at the first packet of its
 * telephone event. Latching: the first RTP packet of a negotiated payload type fixes the address the leg sends
 * to and receives from; packets from other addresses are dropped until a re-offer names a new address. A bridged
 * leg asked to play something plays nothing (the API's contract: what a caller hears while waiting in a queue must
 * never cover the agent once they are connected). A playback advances in time also while the remote party holds
 * the leg (nothing is sent then). Telephone events are not relayed to a leg whose remote party did not agree to them.
 * A leg that hears a mix gets no relayed audio (its mix may include the leg it is bridged to), only relayed events.
 */
final class RtpLeg implements MediaLeg {
    private static final Logger LOG = LoggerFactory.getLogger(RtpLeg.class);
    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / Codec.CLOCK_RATE;

    private final RtpMediaServer server;
    private final String callId;
    private final String legName;
    private final DatagramChannel channel;
    private final int localPort;
    private final PromptLibrary prompts;
    private final Path musicOnHold;
    private final OutgoingStream outgoing;
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final DtmfDetector dtmf = new DtmfDetector();
    private final AtomicLong packetsDropped = new AtomicLong();
    private final long mediaTimeoutNanos;
    private final AtomicReference<Runnable> mediaTimeoutListener = new AtomicReference<>();
    /** When the leg last received a packet it accepted (or began to be watched, or came off hold). */
    private volatile long lastHeardNanos;
    /** The pacing thread's frame buffer. */
    private final short[] frame = new short[Codec.FRAME_SAMPLES];

    // Written under the leg's lock, read without it.
    private final LocalDescription description;
    private volatile String localSdp;
    private volatile PlaybackHandle playing;
    private volatile Negotiated negotiated;
    private volatile boolean closed;

    private volatile InetSocketAddress latched;
    /** Guarded by the server's bridge lock for writes. */
    private volatile RtpLeg peer;
    private volatile Consumer<Character> dtmfListener;
    /** What the leg hears instead of its bridge's relay ({@link #hearMix}); null when it relays. */
    private volatile AudioMix mix;
    /** Copy on write: the receive loop reads it for every packet, taps come and go rarely. */
    private final List<AudioTap> taps = new CopyOnWriteArrayList<>();

    RtpLeg(RtpMediaServer server, String callId, String legName, DatagramChannel channel, LegSetup setup) {
        this.server = server;
        this.callId = callId;
        this.legName = legName;
        this.channel = channel;
        this.localPort = setup.port();
        this.prompts = setup.prompts();
        this.musicOnHold = setup.musicOnHold();
        this.mediaTimeoutNanos = setup.mediaTimeout().toNanos();
        this.outgoing = new OutgoingStream(channel, setup.random());
        this.description = new LocalDescription(setup.address(), localPort, setup.random().nextLong() >>> 2);
    }

    /** What a leg gets from the server settings in force when it opens; later changes leave it alone. */
    record LegSetup(InetAddress address, int port, PromptLibrary prompts, Path musicOnHold, Duration mediaTimeout,
            RandomGenerator random) {
    }

    /** Makes this leg the answerer of {@code offer}. */
    synchronized void answerOffer(SessionDescription offer) throws SdpException {
        Negotiated agreed = SdpNegotiation.negotiate(offer);
        localSdp = description.answer(offer, SdpNegotiation.audioSection(offer), agreed);
        negotiated = agreed;
    }

    /** Makes this leg the offerer. */
    synchronized void makeOffer() {
        localSdp = description.offer();
    }

    @Override
    public String localDescription() {
        return localSdp;
    }

    @Override
    public void answered(String answer) throws MediaException {
        try {
            Negotiated agreed = SdpNegotiation.negotiate(SessionDescription.parse(answer));
            if (agreed.payloadType() != agreed.codec().staticPayloadType()) {
                throw new SdpException("the answer chose payload type " + agreed.payloadType()
                        + ", which the offer did not have");
            }
            accept(agreed);
        } catch (SdpException e) {
            LOG.warn("call {} leg {}: answer refused: {}", callId, legName, e.getMessage());
            throw e.toMediaException();
        }
    }

    @Override
    public String reoffered(String offer) throws MediaException {
        try {
            SessionDescription description = SessionDescription.parse(offer);
            Negotiated agreed = SdpNegotiation.negotiate(description);
            synchronized (this) {
                localSdp = this.description.answer(description, SdpNegotiation.audioSection(description), agreed);
                accept(agreed);
                return localSdp;
            }
        } catch (SdpException e) {
            LOG.warn("call {} leg {}: re-offer refused: {}", callId, legName, e.getMessage());
            throw e.toMediaException();
        }
    }

    private synchronized void accept(Negotiated agreed) {
        Negotiated previous = negotiated;
        if (previous == null || !Objects.equals(previous.remote(), agreed.remote())) {
            latched = null;
        }
        negotiated = agreed;
        if (previous != null && previous.remoteHolds() != agreed.remoteHolds()) {
            LOG.info("call {} leg {}: {}", callId, legName, agreed.remoteHolds() ? "on hold" : "off hold");
            lastHeardNanos = System.nanoTime(); // a hold's silence never counts towards the media timeout
        }
    }

    @Override
    public boolean remoteHolds() {
        Negotiated current = negotiated;
        return current != null && current.remoteHolds();
    }

    @Override
    public Playback play(List<String> names) {
        List<short[]> audio = new ArrayList<>();
        for (String name : names) {
            Optional<short[]> prompt = prompts.prompt(name);
            if (prompt.isPresent()) {
                audio.add(prompt.get());
            } else {
                LOG.warn("call {} leg {}: prompt '{}' skipped: no playable {} under {}", callId, legName, name,
                        prompts.file(name).map(Object::toString).orElse("file"), prompts.directory());
            }
        }
        return start(new PromptSequence(audio));
    }

    @Override
    public Playback playMusicOnHold() {
        Optional<short[]> music = server.audioFiles().samples(musicOnHold);
        if (music.isEmpty()) {
            LOG.warn("call {} leg {}: no playable music on hold at {}; playing silence", callId, legName,
                    musicOnHold);
        }
        return start(new LoopingAudio(music.orElse(new short[0])));
    }

    @Override
    public Playback playRingback() {
        return start(new LoopingAudio(server.tones().ringbackCycle()));
    }

    private Playback start(AudioSource source) {
        PlaybackHandle handle = new PlaybackHandle(this, source);
        PlaybackHandle replaced;
        // under the bridge lock too: a playback that starts as the leg is bridged either sees the bridge and
        // does not start, or is stopped by it; it never plays over the other party
        synchronized (server.bridgeLock()) {
            synchronized (this) {
                if (closed || peer != null) {
                    handle.complete(false);
                    return handle;
                }
                replaced = playing;
                playing = handle;
            }
        }
        if (replaced != null) {
            replaced.complete(false);
        }
        return handle;
    }

    @Override
    public void stopPlaying() {
        PlaybackHandle stopped;
        synchronized (this) {
            stopped = playing;
            playing = null;
        }
        if (stopped != null) {
            stopped.complete(false);
        }
    }

    /** Stops {@code handle} if it is still what plays. */
    void stop(PlaybackHandle handle) {
        synchronized (this) {
            if (playing != handle) {
                return;
            }
            playing = null;
        }
        handle.complete(false);
    }

    @Override
    public void onDtmf(Consumer<Character> listener) {
        dtmfListener = listener;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String name() {
        return legName;
    }

    /** The taps are called in the receive loop, with the decoded frame they share. */
    @Override
    public AudioTap.Registration tapReceived(AudioTap tap) {
        Objects.requireNonNull(tap, "tap");
        // a wrapper of its own, so that the same tap added twice is removed once per registration
        AudioTap registered = tap::frame;
        if (closed) {
            return () -> { };
        }
        taps.add(registered);
        return () -> taps.remove(registered);
    }

    @Override
    public void hearMix(List<MediaLeg> sources) {
        List<RtpLeg> legs = new ArrayList<>();
        for (MediaLeg source : sources) {
            if (!(source instanceof RtpLeg leg) || !leg.server.equals(server)) {
                throw new IllegalArgumentException("not a leg of this media server: " + source);
            }
            if (leg == this) {
                throw new IllegalArgumentException("a leg cannot hear itself: " + this);
            }
            legs.add(leg);
        }
        AudioMix replaced;
        synchronized (this) {
            replaced = mix;
            mix = closed || legs.isEmpty() ? null : new AudioMix(legs);
        }
        if (replaced != null) {
            replaced.close();
        }
        LOG.debug("{} hears {}", this, legs.isEmpty() ? "its bridge" : "the mix of " + legs);
    }

    @Override
    public List<MediaLeg> mixSources() {
        AudioMix mixing = mix;
        return mixing == null ? List.of() : List.copyOf(mixing.sources());
    }

    @Override
    public void bridge(MediaLeg other) {
        if (!(other instanceof RtpLeg otherLeg) || !otherLeg.server.equals(server)) {
            throw new IllegalArgumentException("not a leg of this media server: " + other);
        }
        if (otherLeg == this) {
            throw new IllegalArgumentException("a leg cannot be bridged to itself: " + this);
        }
        synchronized (server.bridgeLock()) {
            if (closed || otherLeg.closed) {
                LOG.warn("{} not bridged to {}: {} closed", this, otherLeg, closed ? "it is" : "the other leg is");
                return;
            }
            unbridgeLocked();
            otherLeg.unbridgeLocked();
            peer = otherLeg;
            otherLeg.peer = this;
        }
        stopPlaying();
        otherLeg.stopPlaying();
    }

    @Override
    public void unbridge() {
        synchronized (server.bridgeLock()) {
            unbridgeLocked();
        }
    }

    private void unbridgeLocked() {
        RtpLeg other = peer;
        if (other != null) {
            if (other.peer == this) {
                other.peer = null;
            }
            peer = null;
        }
    }

    @Override
    public MediaStatistics statistics() {
        Negotiated current = negotiated;
        return new MediaStatistics(outgoing.packetsSent(), reception.packetsReceived(), reception.packetsLost(),
                reception.jitterMillis(), current == null ? "" : current.codec().name());
    }

    /** Datagrams thrown away: malformed, oversized, from an address other than the latched one, unexpected. */
    long packetsDropped() {
        return packetsDropped.get();
    }

    int localPort() {
        return localPort;
    }

    long ssrc() {
        return outgoing.ssrc();
    }

    RtpLeg bridgedTo() {
        return peer;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        unbridge();
        stopPlaying();
        hearMix(List.of());
        taps.clear();
        server.closed(this, channel);
        MediaStatistics statistics = statistics();
        LOG.debug("call {} leg {} closed: sent {} ({} failed), received {}, lost {}, jitter {} ms, dropped {}",
                callId, legName, statistics.packetsSent(), outgoing.sendFailures(), statistics.packetsReceived(),
                statistics.packetsLost(), String.format("%.1f", statistics.jitterMillis()), packetsDropped.get());
    }

    boolean isClosed() {
        return closed;
    }

    // ---- the receive loop

    void dropOversized(InetSocketAddress source) {
        drop("oversized datagram", source);
    }

    /** A datagram for this leg's port, in the receive loop. */
    void received(ByteBuffer datagram, InetSocketAddress source, long nowNanos) {
        Negotiated current = negotiated;
        if (closed || current == null) {
            drop("before the remote description", source);
            return;
        }
        InetSocketAddress latchedTo = latched;
        if (latchedTo != null && !latchedTo.equals(source)) {
            drop("not from the latched address " + latchedTo, source);
            return;
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(datagram);
        } catch (RtpPacket.MalformedPacketException e) {
            drop(e.getMessage(), source);
            return;
        }
        boolean event = current.hasTelephoneEvents() && packet.payloadType() == current.telephoneEventType();
        Codec codec = current.receivedCodecs().get(packet.payloadType());
        if (!event && codec == null) {
            drop("payload type " + packet.payloadType() + " not negotiated", source);
            return;
        }
        if (latchedTo == null) {
            latched = source;
            LOG.debug("call {} leg {}: latched to {}", callId, legName, source);
        }
        lastHeardNanos = nowNanos;
        reception.received(packet, nowNanos / NANOS_PER_SAMPLE, !event);
        if (event) {
            receivedEvent(packet, source, nowNanos);
        } else {
            receivedAudio(packet, codec, nowNanos);
        }
    }

    private void receivedEvent(RtpPacket packet, InetSocketAddress source, long nowNanos) {
        TelephoneEvent event;
        try {
            event = TelephoneEvent.parse(packet.payload());
        } catch (RtpPacket.MalformedPacketException e) {
            drop(e.getMessage(), source);
            return;
        }
        Optional<Character> key = dtmf.accept(packet, event);
        Consumer<Character> listener = dtmfListener;
        if (key.isPresent() && listener != null) {
            try {
                listener.accept(key.get());
            } catch (RuntimeException e) {
                LOG.error("call {} leg {}: DTMF listener failed on key {}", callId, legName, key.get(), e);
            }
        }
        RtpLeg other = peer;
        if (other != null) {
            other.relayEvent(packet, nowNanos);
        }
    }

    private void receivedAudio(RtpPacket packet, Codec codec, long nowNanos) {
        short[] decoded = null;
        if (!taps.isEmpty()) {
            decoded = codec.decode(packet.payload());
            for (AudioTap tap : taps) {
                try {
                    tap.frame(decoded, nowNanos);
                } catch (RuntimeException e) {
                    LOG.error("call {} leg {}: received-audio tap failed", callId, legName, e);
                }
            }
        }
        RtpLeg other = peer;
        if (other != null) {
            other.relayAudio(packet, codec, decoded, nowNanos);
        }
    }

    private void relayAudio(RtpPacket packet, Codec codec, short[] decoded, long nowNanos) {
        Negotiated current = negotiated;
        if (closed || current == null || !current.mayStream() || playing != null || mix != null) {
            return;
        }
        byte[] payload = packet.payload();
        if (codec != current.codec()) {
            short[] samples = decoded != null ? decoded : codec.decode(payload);
            payload = current.codec().encode(samples, 0, samples.length);
        }
        outgoing.sendRelayed(target(current), current.payloadType(), packet, payload, payload.length, nowNanos);
    }

    private void relayEvent(RtpPacket packet, long nowNanos) {
        Negotiated current = negotiated;
        if (closed || current == null || !current.mayStream() || !current.hasTelephoneEvents()) {
            return;
        }
        outgoing.sendRelayed(target(current), current.telephoneEventType(), packet, packet.payload(), 0, nowNanos);
    }

    private InetSocketAddress target(Negotiated current) {
        InetSocketAddress latchedTo = latched;
        return latchedTo != null ? latchedTo : current.remote();
    }

    private void drop(String reason, InetSocketAddress source) {
        long dropped = packetsDropped.incrementAndGet();
        if (dropped == 1 || Long.bitCount(dropped) == 1) {
            LOG.debug("call {} leg {}: dropped a datagram from {} ({}); {} dropped so far", callId, legName, source,
                    reason, dropped);
        }
    }

    @Override
    public void onMediaTimeout(Runnable listener) {
        if (mediaTimeoutNanos == 0) {
            return;
        }
        lastHeardNanos = System.nanoTime();
        mediaTimeoutListener.set(listener);
    }

    // ---- the pacing thread

    /** Tells the media timeout's listener, once, when the leg has heard nothing for that long (hold not counted). */
    void checkMediaTimeout(long nowNanos) {
        Runnable listener = mediaTimeoutListener.get();
        if (listener == null || closed || remoteHolds()) {
            return;
        }
        if (nowNanos - lastHeardNanos < mediaTimeoutNanos || !mediaTimeoutListener.compareAndSet(listener, null)) {
            return;
        }
        Negotiated current = negotiated;
        LOG.warn("call {} leg {}: no RTP received for {} s from {}", callId, legName, mediaTimeoutNanos / 1e9,
                current == null ? "the remote party" : target(current));
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.error("call {} leg {}: media timeout listener failed", callId, legName, e);
        }
    }

    /**
     * Sends the next frame of what the leg plays, else of its mix, else silence; nothing when it is bridged and
     * neither plays nor mixes (the receive loop relays then).
     */
    void tick(long nowNanos) {
        PlaybackHandle current = playing;
        AudioMix mixing = mix;
        if (closed || (current == null && mixing == null && peer != null)) {
            return;
        }
        Negotiated agreed = negotiated;
        byte[] payload = null;
        PlaybackHandle finished = null;
        synchronized (this) {
            current = playing;
            if (current != null && current.source().next(frame)) {
                if (agreed != null) {
                    payload = agreed.codec().encode(frame, 0, frame.length);
                }
            } else if (current != null) {
                finished = current;
                playing = null;
            }
        }
        if (finished != null) {
            finished.complete(true);
            if (peer != null && mixing == null) {
                return;
            }
        }
        if (agreed == null || !agreed.mayStream()) {
            return;
        }
        if (payload == null && mixing != null) {
            mixing.next(frame);
            payload = agreed.codec().encode(frame, 0, frame.length);
        }
        if (payload == null) {
            payload = server.silence(agreed.codec());
        }
        outgoing.sendPlayed(target(agreed), agreed.payloadType(), payload, nowNanos);
    }

    @Override
    public String toString() {
        return "call " + callId + " leg " + legName + " (RTP port " + localPort + ")";
    }
}
