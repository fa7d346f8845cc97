package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;

/**
 * The media server without OSGi: opens legs on ports of the configured range, runs the one receive loop and the
 * one pacing thread they all share, and closes everything on {@link #close()}. New settings apply to the legs
 * opened after them; the legs in progress keep their port, prompts and music.
 */
final class RtpMediaServer implements MediaServer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpMediaServer.class);
    static final int SERVICE_UNAVAILABLE = 503;
    private static final long MEDIA_TIMEOUT_CHECK_NANOS = 1_000_000_000L;

    /** What the settings in force give new legs. */
    private record Configured(MediaSettings settings, RtpPorts ports, PromptLibrary prompts) {
    }

    private final AudioFiles audioFiles = new AudioFiles();
    private final Tones tones = new Tones();
    private final Map<Codec, byte[]> silence = new EnumMap<>(Codec.class);
    private final Set<RtpLeg> legs = ConcurrentHashMap.newKeySet();
    /** The open legs by call id, in the order they opened. */
    private final Map<String, List<RtpLeg>> legsByCall = new ConcurrentHashMap<>();
    private final Object bridgeLock = new Object();
    private final SecureRandom random = new SecureRandom();
    private final ReceiveLoop receiver;
    private final FramePacer pacer;
    private volatile Configured configured;
    /** When the pacing thread next looks for legs past their media timeout (once a second: it counts in seconds). */
    private long nextMediaTimeoutCheckNanos;

    RtpMediaServer(MediaSettings settings) throws IOException {
        for (Codec codec : Codec.values()) {
            byte[] frame = new byte[Codec.FRAME_SAMPLES];
            Arrays.fill(frame, codec.silence());
            silence.put(codec, frame);
        }
        configured = configure(settings);
        receiver = new ReceiveLoop("switchboard-media-receive");
        nextMediaTimeoutCheckNanos = System.nanoTime();
        pacer = new FramePacer("switchboard-media-pacing", this::tick);
    }

    private Configured configure(MediaSettings settings) {
        return new Configured(settings, new RtpPorts(settings.address(), settings.rtpPortMin(), settings.rtpPortMax()),
                new PromptLibrary(settings.promptDirectory(), audioFiles));
    }

    /** Applies new settings to the legs opened from now on. */
    void reconfigure(MediaSettings settings) {
        configured = configure(settings);
    }

    MediaSettings settings() {
        return configured.settings();
    }

    @Override
    public MediaLeg answer(String callId, String legName, String offer) throws MediaException {
        SessionDescription description;
        try {
            description = SessionDescription.parse(offer);
            SdpNegotiation.negotiate(description);
        } catch (SdpException e) {
            LOG.warn("call {} leg {}: offer refused (488): {}", callId, legName, e.getMessage());
            throw e.toMediaException();
        }
        RtpLeg leg = open(callId, legName);
        try {
            leg.answerOffer(description);
        } catch (SdpException e) {
            leg.close();
            throw e.toMediaException();
        }
        return leg;
    }

    @Override
    public MediaLeg offer(String callId, String legName) throws MediaException {
        RtpLeg leg = open(callId, legName);
        leg.makeOffer();
        return leg;
    }

    private RtpLeg open(String callId, String legName) throws MediaException {
        Configured current = configured;
        DatagramChannel channel;
        try {
            channel = current.ports().open();
        } catch (IOException e) {
            LOG.error("call {} leg {}: no RTP socket on {}: {}", callId, legName, current.ports().address(), e);
            throw new MediaException(SERVICE_UNAVAILABLE, "no RTP socket: " + e.getMessage());
        }
        if (channel == null) {
            LOG.error("call {} leg {}: all {} RTP ports of {}..{} are in use", callId, legName,
                    current.ports().size(), current.settings().rtpPortMin(), current.settings().rtpPortMax());
            throw new MediaException(SERVICE_UNAVAILABLE, "no free RTP port");
        }
        int port = channel.socket().getLocalPort();
        MediaSettings settings = current.settings();
        RtpLeg leg = new RtpLeg(this, callId, legName, channel, new RtpLeg.LegSetup(settings.address(), port,
                current.prompts(), settings.musicOnHold(), settings.mediaTimeout(), random));
        legs.add(leg);
        legsByCall.compute(callId, (id, ofCall) -> {
            List<RtpLeg> next = ofCall == null ? new ArrayList<>() : new ArrayList<>(ofCall);
            next.add(leg);
            return List.copyOf(next);
        });
        receiver.register(channel, leg);
        return leg;
    }

    @Override
    public boolean hasPrompt(String name) {
        return configured.prompts().prompt(name).isPresent();
    }

    @Override
    public List<MediaLeg> legsOf(String callId) {
        return List.copyOf(legsByCall.getOrDefault(callId, List.of()));
    }

    @Override
    public int openLegs() {
        return legs.size();
    }

    /** Closes every leg and stops both threads. */
    @Override
    public void close() {
        pacer.stop();
        List<RtpLeg> open = new ArrayList<>(legs);
        for (RtpLeg leg : open) {
            leg.close();
        }
        receiver.stop();
        if (!open.isEmpty()) {
            LOG.info("media server stopped; {} legs closed", open.size());
        }
    }

    // ---- for the legs

    void closed(RtpLeg leg, DatagramChannel channel) {
        legs.remove(leg);
        legsByCall.computeIfPresent(leg.callId(), (id, ofCall) -> {
            List<RtpLeg> next = new ArrayList<>(ofCall);
            next.remove(leg);
            return next.isEmpty() ? null : List.copyOf(next);
        });
        receiver.release(channel);
    }

    private void tick(long nowNanos) {
        for (RtpLeg leg : legs) {
            try {
                leg.tick(nowNanos);
            } catch (RuntimeException e) {
                LOG.error("{}: sending its next frame failed", leg, e);
            }
        }
        if (nowNanos - nextMediaTimeoutCheckNanos >= 0) {
            nextMediaTimeoutCheckNanos = nowNanos + MEDIA_TIMEOUT_CHECK_NANOS;
            for (RtpLeg leg : legs) {
                leg.checkMediaTimeout(nowNanos);
            }
        }
    }

    Object bridgeLock() {
        return bridgeLock;
    }

    AudioFiles audioFiles() {
        return audioFiles;
    }

    Tones tones() {
        return tones;
    }

    /** 20 ms of encoded silence; shared, never written. */
    byte[] silence(Codec codec) {
        return silence.get(codec);
    }
}
