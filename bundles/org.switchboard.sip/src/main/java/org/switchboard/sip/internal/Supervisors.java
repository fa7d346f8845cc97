package org.switchboard.sip.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/**
 * The supervisors' phones in one call, and who hears whom because of them. Every supervisor hears the caller, the
 * agent and the supervisors who speak; a whisper is mixed into what the agent hears, a barge into what the agent
 * and the caller hear. While the caller is on hold, caller and agent are not mixed into each other. Guarded by the
 * call's lock ({@link #lock()}), which the call's methods and its supervisors' SIP events all take.
 */
final class Supervisors {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisors.class);

    private final Object lock;
    private final Runnable onChange;
    private final CallBridge bridge;
    private final DialogActions actions;
    private final SipReplies replies;
    private final MediaServer mediaServer;
    private final Map<String, SupervisorLeg> legs = new LinkedHashMap<>();
    /** Whether the parties' legs may hear a mix now, so that it is taken away when the last supervisor goes. */
    private boolean mixing;

    /**
     * @param lock     the call's lock
     * @param onChange called (holding the lock) when a supervisor joins, changes mode or leaves: the call then
     *                 gives {@link #mix} its parties
     */
    Supervisors(Object lock, Runnable onChange, CallBridge bridge, DialogActions actions, SipReplies replies,
            MediaServer mediaServer) {
        this.lock = lock;
        this.onChange = onChange;
        this.bridge = bridge;
        this.actions = actions;
        this.replies = replies;
        this.mediaServer = mediaServer;
    }

    /**
     * Rings the supervisor's phone at {@code contact} into the call, or changes the mode of a phone already in
     * it; the call has checked that it is connected to its agent.
     *
     * @param mediaId the id the call's media legs are opened with
     * @param showAs  the user the supervisor's phone shows as calling
     */
    void join(String callId, String mediaId, String agentId, String showAs, String extension, String contact,
            SupervisionMode mode) throws CallControlException {
        synchronized (lock) {
            if (extension.equals(agentId)) {
                throw new CallControlException(extension + " is the agent of call " + callId);
            }
            SupervisorLeg present = legs.get(extension);
            if (present != null) {
                present.mode(mode);
                LOG.info("call {}: supervisor {} now {}", callId, extension, mode.name().toLowerCase());
                onChange.run();
                return;
            }
            legs.put(extension, SupervisorLeg.ring(this, callId, mediaId, extension, contact, showAs, mode, bridge,
                    actions, replies, mediaServer));
            LOG.info("call {}: ringing supervisor {} to {}", callId, extension, mode.name().toLowerCase());
        }
    }

    /** Hangs up one supervisor's phone, asked from the shell or the console. */
    void leave(String callId, String extension) throws CallControlException {
        if (!end(extension, "asked from the console")) {
            throw new CallControlException(extension + " does not supervise call " + callId);
        }
    }

    Object lock() {
        return lock;
    }

    /** A supervisor answered or changed mode. */
    void changed() {
        synchronized (lock) {
            onChange.run();
        }
    }

    /** A supervisor's phone left by itself (hung up, did not answer). */
    void left(SupervisorLeg leg) {
        synchronized (lock) {
            if (legs.remove(leg.extension(), leg)) {
                onChange.run();
            }
        }
    }

    /** Hangs up one supervisor's phone; false when that phone is not in the call. */
    private boolean end(String extension, String why) {
        synchronized (lock) {
            SupervisorLeg leg = legs.remove(extension);
            if (leg == null) {
                return false;
            }
            leg.hangUp(why);
            onChange.run();
            return true;
        }
    }

    /**
     * Hangs up every supervisor's phone (the agent's part of the call ended). True when the parties' legs may
     * still hear a mix, which the call then takes away (the legs it still has).
     */
    boolean endAll(String why) {
        synchronized (lock) {
            List<SupervisorLeg> ending = List.copyOf(legs.values());
            legs.clear();
            ending.forEach(leg -> leg.hangUp(why));
            boolean wasMixing = mixing;
            mixing = false;
            return wasMixing;
        }
    }

    List<Supervision> describe() {
        synchronized (lock) {
            return legs.values().stream().map(SupervisorLeg::describe).toList();
        }
    }

    /** Sets what every party of the call hears, for the supervisors connected now. */
    void mix(MediaLeg caller, MediaLeg agent, boolean held) {
        synchronized (lock) {
            List<SupervisorLeg> connected = legs.values().stream().filter(SupervisorLeg::connected).toList();
            if (connected.isEmpty() && !mixing) {
                return;
            }
            List<MediaLeg> toAgent = speaking(connected, SupervisionMode.WHISPER, SupervisionMode.BARGE);
            List<MediaLeg> toCaller = speaking(connected, SupervisionMode.BARGE);
            for (SupervisorLeg supervisor : connected) {
                List<MediaLeg> hears = new ArrayList<>(List.of(caller, agent));
                toAgent.stream().filter(leg -> leg != supervisor.media()).forEach(hears::add);
                supervisor.media().hearMix(hears);
            }
            agent.hearMix(withParty(toAgent, caller, held));
            caller.hearMix(withParty(toCaller, agent, held));
            mixing = !connected.isEmpty();
        }
    }

    private static List<MediaLeg> speaking(List<SupervisorLeg> connected, SupervisionMode... modes) {
        List<SupervisionMode> speakingModes = List.of(modes);
        return connected.stream().filter(leg -> speakingModes.contains(leg.mode())).map(SupervisorLeg::media)
                .toList();
    }

    /** What a party hears: its relay alone when no supervisor speaks to it; else the other party and them. */
    private static List<MediaLeg> withParty(List<MediaLeg> supervisorsSpeaking, MediaLeg otherParty, boolean held) {
        if (supervisorsSpeaking.isEmpty()) {
            return List.of();
        }
        List<MediaLeg> hears = new ArrayList<>();
        if (!held) {
            hears.add(otherParty);
        }
        hears.addAll(supervisorsSpeaking);
        return hears;
    }
}
