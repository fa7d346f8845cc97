package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/**
 * A supervisor's phone in a call: the server's INVITE to it (we are its UAC), its RTP endpoint, and how it takes
 * part. The bridge routes the SIP of its dialog here by its Call-ID. It shares the lock of its call's
 * {@link Supervisors}, so that the call and its supervisors never wait for each other.
 */
final class SupervisorLeg implements ServerCall {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorLeg.class);
    static final long RING_SECONDS = 30;

    private final Supervisors supervisors;
    private final Object lock;
    private final String callId;
    private final String extension;
    private final CallBridge bridge;
    private final DialogActions actions;
    private final SipReplies replies;
    private final MediaLeg media;
    private final ClientTransaction invite;
    private final Set<String> sipCallIds = ConcurrentHashMap.newKeySet();
    private SupervisionMode mode;
    private Dialog dialog;
    private ScheduledFuture<?> ringTimer;
    private boolean ended;

    private SupervisorLeg(Supervisors supervisors, String callId, String extension, SupervisionMode mode,
            CallBridge bridge, DialogActions actions, SipReplies replies, MediaLeg media, ClientTransaction invite) {
        this.supervisors = supervisors;
        this.lock = supervisors.lock();
        this.callId = callId;
        this.extension = extension;
        this.mode = mode;
        this.bridge = bridge;
        this.actions = actions;
        this.replies = replies;
        this.media = media;
        this.invite = invite;
    }

    /**
     * Rings the supervisor's phone at {@code contact} with an offer of the server's own; the call's parties are
     * mixed into it once it answers.
     *
     * @param mediaId the id the call's media legs are opened with
     * @param showAs  the user the phone's display shows as the caller
     */
    static SupervisorLeg ring(Supervisors supervisors, String callId, String mediaId, String extension,
            String contact, String showAs, SupervisionMode mode, CallBridge bridge, DialogActions actions,
            SipReplies replies, MediaServer mediaServer) throws CallControlException {
        MediaLeg media;
        try {
            media = mediaServer.offer(mediaId, "supervisor:" + extension);
        } catch (MediaException e) {
            throw new CallControlException("no media port for the supervisor's phone: " + e.getMessage());
        }
        try {
            // the phone shows who is on the call and that this is a supervision, not a call to take
            Request request = actions.invite(contact, showAs, "Supervise " + showAs, media.localDescription());
            ClientTransaction transaction = bridge.newClientTransaction(request);
            SupervisorLeg leg = new SupervisorLeg(supervisors, callId, extension, mode, bridge, actions, replies,
                    media, transaction);
            bridge.track(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(), leg);
            transaction.sendRequest();
            leg.ringTimer = bridge.schedule(leg::ringTimedOut, RING_SECONDS, TimeUnit.SECONDS);
            return leg;
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            media.close();
            throw new CallControlException("cannot ring " + extension + " at " + contact + ": " + e.getMessage());
        }
    }

    String extension() {
        return extension;
    }

    MediaLeg media() {
        return media;
    }

    /** Whether the phone has answered and takes part (false while it rings). */
    boolean connected() {
        synchronized (lock) {
            return dialog != null && !ended;
        }
    }

    SupervisionMode mode() {
        synchronized (lock) {
            return mode;
        }
    }

    void mode(SupervisionMode mode) {
        synchronized (lock) {
            this.mode = mode;
        }
    }

    Supervision describe() {
        synchronized (lock) {
            return new Supervision(callId, extension, mode, dialog != null && !ended);
        }
    }

    /** Hangs the supervisor's phone up (BYE, or CANCEL while it rings) without telling {@link Supervisors}. */
    void hangUp(String why) {
        synchronized (lock) {
            if (ended) {
                return;
            }
            LOG.info("call {}: supervisor {} leaves ({})", callId, extension, why);
            if (dialog != null) {
                actions.bye(callId, dialog);
            } else {
                actions.cancel(callId, invite);
            }
            release();
        }
    }

    // ---- ServerCall: the SIP of the supervisor's dialog

    @Override
    public String id() {
        return callId;
    }

    @Override
    public Set<String> trackedSipCallIds() {
        return sipCallIds;
    }

    @Override
    public void trackedAs(String sipCallId) {
        sipCallIds.add(sipCallId);
    }

    @Override
    public boolean isOwnInvite(ClientTransaction transaction) {
        return transaction == invite;
    }

    @Override
    public void provisional(ClientTransaction transaction, Response response) {
        // the supervisor's phone rings: nothing to tell anyone
    }

    @Override
    public void answered(ClientTransaction transaction, Response response, Dialog answeredDialog) {
        synchronized (lock) {
            actions.acknowledge(callId, answeredDialog, response);
            if (ended) {
                actions.bye(callId, answeredDialog);
                return;
            }
            cancelTimer();
            try {
                media.answered(SipReplies.sdpOf(response).orElseThrow(
                        () -> new MediaException(Response.NOT_ACCEPTABLE_HERE, "the answer has no SDP")));
            } catch (MediaException e) {
                LOG.warn("call {}: supervisor {} answered with unusable media ({}); hanging up", callId, extension,
                        e.getMessage());
                actions.bye(callId, answeredDialog);
                left();
                return;
            }
            dialog = answeredDialog;
            LOG.info("call {}: supervisor {} joined ({})", callId, extension, mode.name().toLowerCase());
            supervisors.changed();
        }
    }

    @Override
    public void failed(ClientTransaction transaction, int status, String reason) {
        synchronized (lock) {
            if (!ended) {
                LOG.info("call {}: supervisor {}'s phone did not answer ({} {})", callId, extension, status, reason);
                left();
            }
        }
    }

    @Override
    public void bye(String sipCallId) {
        synchronized (lock) {
            if (!ended) {
                LOG.info("call {}: supervisor {} hung up", callId, extension);
                left();
            }
        }
    }

    @Override
    public void reinvite(String sipCallId, ServerTransaction transaction) {
        synchronized (lock) {
            if (ended) {
                replies.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            actions.answerReoffer(callId, media, transaction);
        }
    }

    @Override
    public void ack(String sipCallId, Request ack) {
        // our 200s to its re-INVITEs carry no offer of ours: nothing in the ACK to read
    }

    @Override
    public void cancel() {
        // we sent the INVITE: the phone cannot cancel it
    }

    @Override
    public void serverLegFailed(String reason) {
        synchronized (lock) {
            if (!ended) {
                hangUp(reason);
                supervisors.left(this);
            }
        }
    }

    @Override
    public void hangUpFromDesk() {
        serverLegFailed("ended from the console");
    }

    // ---- internals

    private void ringTimedOut() {
        synchronized (lock) {
            if (!ended && dialog == null) {
                LOG.info("call {}: supervisor {}'s phone did not answer in {} s", callId, extension, RING_SECONDS);
                actions.cancel(callId, invite);
                left();
            }
        }
    }

    /** The phone is gone by itself: release, and let the call's mixes go on without it. */
    private void left() {
        release();
        supervisors.left(this);
    }

    private void release() {
        ended = true;
        cancelTimer();
        media.close();
        bridge.untrack(this);
    }

    private void cancelTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }
}
