package org.switchboard.sip.internal;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.InboundCall;
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.call.CallVariables;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/**
 * One call through the back-to-back user agent, with its media anchored in the server: the caller's dialog
 * (we are its UAS) and RTP endpoint, and, once agents are offered the call, one INVITE per agent's phone (we are
 * its UAC; several at once for ring-all), each with an RTP endpoint of its own, until one answers and its
 * endpoint is bridged to the caller's.
 * <p>
 * A call to a number with a call flow is answered at once and driven by the flow (through {@link CallFlowLeg})
 * until the flow queues it; a call to a queue's number is answered when the agent answers. Every method is
 * synchronized: the SIP stack's threads, the distributor's thread, the flow's threads and the ring timer all act
 * on it.
 */
final class BridgedCall implements CallerLeg, ServerCall, SupervisedCall {
    private static final Logger LOG = LoggerFactory.getLogger(BridgedCall.class);
    private static final String OUTSIDE_PREFIX = "number:";
    private static final String CALLBACK_PREFIX = "callback:";

    enum Phase {
        /** A call flow (IVR) drives the call; it is not in a queue. */
        FLOW,
        /** In the queue, no agent rung. */
        WAITING,
        /** One agent's phone, or several (ring-all), ringing. */
        OFFERING,
        /** Caller and agent are connected. */
        BRIDGED,
        /** Blind transfer to an outside number: the caller hears music while the number rings. */
        TRANSFERRING,
        /** Transferred to an outside number: the caller talks to it through the trunk; no agent, no queue. */
        OUTSIDE,
        /** The agent hung up and the caller answers the queue's survey flow. */
        SURVEY,
        /** The caller asked to be called back and hears the confirmation; the call keeps its place. */
        CALLBACK_CONFIRMING,
        /** A callback waiting for its turn in the queue; nobody is connected. */
        CALLBACK,
        /** A callback's turn came: the server calls the customer, then rings the agent. */
        CALLING_BACK,
        ENDED
    }

    /** A call back to the customer: where to, and once placed, the leg that replaces the caller's. */
    private static final class Callback {
        final String number;
        /** The offer the distributor made, carried out once the customer answers. */
        AgentOffer pending;
        Dialog dialog;
        String sipCallId;

        Callback(String number) {
            this.number = number;
        }
    }

    /** One agent's phone being rung with the call. */
    private static final class AgentLeg {
        final String agentId;
        final ClientTransaction invite;
        final MediaLeg media;
        ScheduledFuture<?> ringTimer;
        /** Why we cancelled this leg's INVITE, reported when its final response arrives. */
        OfferOutcome cancelledBecause;
        /** The distributor took the offer back: an answer that crosses our CANCEL is hung up, not bridged. */
        boolean withdrawn;

        AgentLeg(String agentId, ClientTransaction invite, MediaLeg media) {
            this.agentId = agentId;
            this.invite = invite;
            this.media = media;
        }

        /** A leg to an outside number through the trunk (a transfer), not an agent's offer. */
        boolean outside() {
            return agentId.startsWith(OUTSIDE_PREFIX);
        }

        /** The leg that calls a customer back. */
        boolean callingBack() {
            return agentId.startsWith(CALLBACK_PREFIX);
        }
    }

    /** The call's id in the distributor: a blind transfer to a queue starts a new record, with a new id. */
    private volatile String id;
    /**
     * The id every media leg of this call is opened with: the first record's, kept through transfers, so that
     * whoever follows the call's audio (a recording) finds all its legs under one id.
     */
    private final String mediaId;
    final String ani;
    final String dnis;
    private final CallBridge bridge;
    private final SipEndpoint sip;
    private final SipReplies replies;
    private final MediaServer mediaServer;
    private final DialogActions actions;
    private final ServerTransaction callerInvite;
    private final String callerTag = SipReplies.newTag();
    /** The caller's RTP endpoint: the answer to the INVITE's offer, or our own offer when it had none. */
    private MediaLeg callerMedia;
    /** The INVITE had no SDP: our offer goes in the 200 OK and the answer comes in the ACK. */
    private final boolean callerLateOffer;

    private Phase phase;
    private boolean callerAnswered;
    /** The SIP Call-IDs the bridge finds this call by (the caller's and each agent leg's). */
    private final Set<String> sipCallIds = ConcurrentHashMap.newKeySet();
    private boolean ringbackSent;
    private final Map<String, AgentLeg> legs = new LinkedHashMap<>();
    private String agentId;
    private Dialog agentDialog;
    private MediaLeg agentMedia;
    private final List<Runnable> endActions = new ArrayList<>();
    /** The agent's desktop put the caller on hold (music for the caller, silence for the agent). */
    private boolean heldByDesk;
    /** Set when the caller asked to be called back. */
    private Callback callback;
    private final Supervisors supervisors;

    BridgedCall(String id, String ani, String dnis, CallBridge bridge, SipEndpoint sip, SipReplies replies,
            MediaServer mediaServer, ServerTransaction callerInvite, MediaLeg callerMedia, boolean callerLateOffer,
            Phase initialPhase) {
        this.id = id;
        this.mediaId = id;
        this.ani = ani;
        this.dnis = dnis;
        this.bridge = bridge;
        this.sip = sip;
        this.replies = replies;
        this.mediaServer = mediaServer;
        this.actions = new DialogActions(sip, replies);
        this.callerInvite = callerInvite;
        this.callerMedia = callerMedia;
        this.callerLateOffer = callerLateOffer;
        this.phase = initialPhase;
        this.supervisors = new Supervisors(this, this::applySupervision, bridge, actions, replies, mediaServer);
    }

    synchronized Phase phase() {
        return phase;
    }

    @Override
    public String id() {
        return id;
    }

    // ---- ServerCall: what the bridge routes here

    @Override
    public boolean isOwnInvite(ClientTransaction transaction) {
        return isAgentInvite(transaction);
    }

    @Override
    public void provisional(ClientTransaction transaction, Response response) {
        agentProvisional(transaction, response);
    }

    @Override
    public void answered(ClientTransaction transaction, Response response, Dialog dialog) {
        agentAnswered(transaction, response, dialog);
    }

    @Override
    public void failed(ClientTransaction transaction, int status, String reason) {
        agentFailed(transaction, status, reason);
    }

    @Override
    public void bye(String sipCallId) {
        hungUp(sipCallId.equals(callerSipCallId()));
    }

    @Override
    public void reinvite(String sipCallId, ServerTransaction transaction) {
        reinvited(sipCallId.equals(callerSipCallId()), transaction);
    }

    @Override
    public void ack(String sipCallId, Request ack) {
        if (sipCallId.equals(callerSipCallId())) {
            callerAcknowledged(ack);
        }
    }

    @Override
    public void cancel() {
        callerCancelled();
    }

    @Override
    public void serverLegFailed(String reason) {
        callerLegFailed(reason);
    }

    @Override
    public void trackedAs(String sipCallId) {
        sipCallIds.add(sipCallId);
    }

    @Override
    public Set<String> trackedSipCallIds() {
        return sipCallIds;
    }

    /** The SIP Call-ID of the caller's leg: the INVITE's, or the callback's once the server called back. */
    synchronized String callerSipCallId() {
        return callback != null && callback.dialog != null ? callback.sipCallId
                : ((CallIdHeader) callerInvite.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    }

    private Dialog callerDialog() {
        return callback != null && callback.dialog != null ? callback.dialog : callerInvite.getDialog();
    }

    synchronized boolean isAgentInvite(ClientTransaction transaction) {
        return legFor(transaction) != null;
    }

    synchronized MediaLeg callerMedia() {
        return callerMedia;
    }

    // ---- CallerLeg: from the distributor's thread

    @Override
    public synchronized void offer(AgentOffer offer) {
        if (phase == Phase.CALLBACK_CONFIRMING) {
            // the turn came while the caller still hears the confirmation: no need to call back
            LOG.info("call {}: an agent is free before the caller left; ringing agent {} now", id, offer.agentId());
            callerMedia.stopPlaying();
            phase = Phase.WAITING;
        } else if (phase == Phase.CALLBACK) {
            callBack(offer);
            return;
        }
        if (phase != Phase.WAITING && phase != Phase.OFFERING) {
            LOG.debug("call {} is {}; offer to {} not placed", id, phase, offer.agentId());
            return;
        }
        MediaLeg media = null;
        try {
            media = mediaServer.offer(mediaId, offer.agentId());
            Request invite = agentInvite(offer.contact(), media.localDescription());
            AgentLeg leg = new AgentLeg(offer.agentId(), sip.provider().getNewClientTransaction(invite), media);
            legs.put(offer.agentId(), leg);
            if (phase == Phase.WAITING) {
                ringbackSent = false;
            }
            phase = Phase.OFFERING;
            bridge.track(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), this);
            leg.invite.sendRequest();
            leg.ringTimer = bridge.schedule(() -> ringTimedOut(leg), offer.ringTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (MediaException | ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.warn("call {}: cannot ring agent {} at {}: {}", id, offer.agentId(), offer.contact(), e.toString());
            if (media != null) {
                media.close();
            }
            legs.remove(offer.agentId());
            if (legs.isEmpty() && phase == Phase.OFFERING) {
                phase = Phase.WAITING;
            }
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, offer.agentId(), OfferOutcome.UNREACHABLE,
                    "could not be rung: " + e.getMessage()));
        }
    }

    @Override
    public synchronized void withdrawOffer(String agent) {
        if (phase == Phase.CALLING_BACK && callback.pending != null && callback.pending.agentId().equals(agent)) {
            cancelAllLegs();
            phase = Phase.CALLBACK;
            callback.pending = null;
            return;
        }
        AgentLeg leg = legs.get(agent);
        if (leg != null) {
            leg.withdrawn = true;
            if (leg.cancelledBecause == null) {
                cancelLeg(leg, OfferOutcome.NO_ANSWER);
            }
        }
    }

    @Override
    public synchronized void release(int sipStatus, String reason) {
        if (phase == Phase.ENDED || phase == Phase.BRIDGED || phase == Phase.SURVEY) {
            return;
        }
        if (phase == Phase.CALLBACK || phase == Phase.CALLING_BACK) {
            LOG.info("call {}: the callback to {} ends ({})", id, callback.number, reason);
            cancelAllLegs();
            end();
            return;
        }
        cancelAllLegs();
        if (callerAnswered) {
            LOG.info("call {} released by the distributor ({} {}): hanging up", id, sipStatus, reason);
            sendBye(callerDialog());
        } else {
            Response response = replies.dialogResponse(sipStatus, callerInvite.getRequest(), callerTag);
            try {
                response.setReasonPhrase(reason);
            } catch (ParseException e) {
                LOG.debug("reason phrase {} not usable", reason);
            }
            replies.send(callerInvite, response);
        }
        end();
    }

    // ---- from the call flow (CallFlowLeg)

    /** Answers the caller if not answered yet; the caller's media leg either way. */
    synchronized MediaLeg answerCaller() {
        if (!callerAnswered && phase != Phase.ENDED) {
            sendCallerOk();
        }
        return callerMedia;
    }

    synchronized void rejectCaller(int sipStatus, String reason) {
        if (phase == Phase.ENDED) {
            return;
        }
        if (callerAnswered) {
            hangUpCaller();
            return;
        }
        release(sipStatus, reason);
    }

    /** The flow or the server ends the call: BYE to every party still connected. */
    synchronized void hangUpCaller() {
        if (phase == Phase.ENDED || phase == Phase.CALLBACK || phase == Phase.CALLING_BACK) {
            return;
        }
        if (!callerAnswered) {
            release(Response.TEMPORARILY_UNAVAILABLE, "Call ended by the call flow");
            return;
        }
        cancelAllLegs();
        sendBye(callerDialog());
        if (phase == Phase.BRIDGED) {
            sendBye(agentDialog);
        }
        end();
    }

    /** The flow hands the call to a queue. */
    synchronized void enqueue(InboundCall call) {
        if (phase != Phase.FLOW) {
            LOG.warn("call {} is {}: the flow's queue {} is ignored", id, phase, call.queue());
            return;
        }
        var acd = bridge.distributor();
        if (acd.isEmpty()) {
            LOG.error("call {}: the flow sends it to queue {}, but the distributor is not running; hanging up", id,
                    call.queue());
            hangUpCaller();
            return;
        }
        phase = Phase.WAITING;
        try {
            acd.get().enqueue(call, this);
        } catch (RuntimeException e) {
            LOG.error("call {}: the distributor did not take it", id, e);
            hangUpCaller();
        }
    }

    synchronized void onEnded(Runnable action) {
        if (phase == Phase.ENDED) {
            bridge.schedule(action, 0, TimeUnit.MILLISECONDS);
        } else {
            endActions.add(action);
        }
    }

    // ---- events from the agents' legs

    synchronized void agentProvisional(ClientTransaction transaction, Response response) {
        AgentLeg leg = legFor(transaction);
        if (leg == null || leg.outside() || phase != Phase.OFFERING || response.getStatusCode() == Response.TRYING) {
            return;
        }
        if (!ringbackSent && !callerAnswered) {
            ringbackSent = true;
            replies.send(callerInvite, replies.dialogResponse(Response.RINGING, callerInvite.getRequest(),
                    callerTag));
        }
        bridge.distributor().ifPresent(acd -> acd.agentRinging(id, leg.agentId));
    }

    synchronized void agentAnswered(ClientTransaction transaction, Response response, Dialog dialog) {
        acknowledge(dialog, response);
        AgentLeg leg = legFor(transaction);
        if (leg != null) {
            legs.remove(leg.agentId);
        }
        if (leg != null && leg.outside() && phase == Phase.TRANSFERRING) {
            outsideAnswered(leg, response, dialog);
            return;
        }
        if (leg != null && leg.callingBack() && phase == Phase.CALLING_BACK) {
            customerAnswered(leg, response, dialog);
            return;
        }
        if (leg == null || phase != Phase.OFFERING || leg.withdrawn) {
            // the caller left, another agent of a ring-all answered first, or the distributor took the offer back
            LOG.info("call {}: an agent answered after the call was {}; hanging that phone up", id,
                    phase == Phase.BRIDGED ? "answered by " + agentId
                            : leg != null && leg.withdrawn ? "withdrawn from that agent" : "over");
            sendBye(dialog);
            if (leg != null) {
                cancelTimer(leg);
                leg.media.close();
            }
            if (phase == Phase.OFFERING && legs.isEmpty()) {
                phase = Phase.WAITING;
            }
            return;
        }
        cancelTimer(leg);
        try {
            leg.media.answered(SipReplies.sdpOf(response).orElseThrow(
                    () -> new MediaException(Response.NOT_ACCEPTABLE_HERE, "the answer has no SDP")));
        } catch (MediaException e) {
            LOG.warn("call {}: agent {}'s phone answered with unusable media ({}); hanging it up", id, leg.agentId,
                    e.getMessage());
            sendBye(dialog);
            leg.media.close();
            if (legs.isEmpty()) {
                phase = Phase.WAITING;
            }
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, leg.agentId, OfferOutcome.UNREACHABLE,
                    "answered with unusable media: " + e.getMessage()));
            return;
        }
        cancelAllLegs();
        agentId = leg.agentId;
        agentDialog = dialog;
        agentMedia = leg.media;
        hangUpWhenSilent(agentMedia, dialog);
        callerMedia.bridge(agentMedia);
        if (!callerAnswered) {
            sendCallerOk();
        }
        phase = Phase.BRIDGED;
        bridge.distributor().ifPresent(acd -> acd.offerAnswered(id, leg.agentId));
    }

    synchronized void agentFailed(ClientTransaction transaction, int status, String reason) {
        AgentLeg leg = legFor(transaction);
        if (leg == null) {
            return;
        }
        legs.remove(leg.agentId);
        cancelTimer(leg);
        leg.media.close();
        if (leg.callingBack()) {
            if (phase == Phase.CALLING_BACK) {
                AgentOffer pending = callback.pending;
                callback.pending = null;
                phase = Phase.CALLBACK;
                LOG.info("call {}: the customer at {} did not answer the callback ({} {})", id, callback.number,
                        status, reason);
                bridge.distributor().ifPresent(acd -> acd.offerFailed(id, pending.agentId(),
                        OfferOutcome.CUSTOMER_UNREACHABLE, "the customer did not answer the callback"));
            }
            return;
        }
        if (leg.outside()) {
            if (phase == Phase.TRANSFERRING) {
                LOG.info("call {}: the transfer to {} failed ({} {}); hanging up", id, leg.agentId, status, reason);
                sendBye(callerDialog());
                end();
            }
            return;
        }
        if (phase == Phase.OFFERING && legs.isEmpty()) {
            phase = Phase.WAITING;
        }
        if (phase == Phase.ENDED) {
            return;
        }
        OfferOutcome outcome = leg.cancelledBecause != null ? leg.cancelledBecause : switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> OfferOutcome.BUSY;
            case Response.DECLINE -> OfferOutcome.DECLINED;
            case Response.REQUEST_TERMINATED, Response.REQUEST_TIMEOUT, Response.TEMPORARILY_UNAVAILABLE ->
                OfferOutcome.NO_ANSWER;
            default -> OfferOutcome.UNREACHABLE;
        };
        String detail = leg.cancelledBecause == OfferOutcome.NO_ANSWER ? "did not answer in time"
                : status > 0 ? "answered " + status + " " + reason : reason;
        bridge.distributor().ifPresent(acd -> acd.offerFailed(id, leg.agentId, outcome, detail));
    }

    // ---- events from the caller's leg

    /** CANCEL from the caller: only before the call is answered. */
    synchronized void callerCancelled() {
        if (callerAnswered || phase == Phase.ENDED) {
            return;
        }
        cancelAllLegs();
        replies.send(callerInvite, replies.dialogResponse(Response.REQUEST_TERMINATED, callerInvite.getRequest(),
                callerTag));
        Phase was = phase;
        end();
        if (was == Phase.WAITING || was == Phase.OFFERING) {
            bridge.distributor().ifPresent(acd -> acd.callerAbandoned(id));
        }
    }

    /** A BYE arrived on one leg: end what that party was connected to. */
    synchronized void hungUp(boolean byCaller) {
        switch (phase) {
            case BRIDGED -> {
                if (byCaller) {
                    sendBye(agentDialog);
                    end();
                    bridge.distributor().ifPresent(acd -> acd.callEnded(id, "caller"));
                } else {
                    bridge.distributor().ifPresent(acd -> acd.callEnded(id, "agent"));
                    dropSupervisors("the agent hung up");
                    agentMedia.close();
                    agentDialog = null;
                    if (!bridge.startSurvey(this)) {
                        sendBye(callerDialog());
                        end();
                    }
                }
            }
            case WAITING, OFFERING -> {
                if (byCaller) {
                    cancelAllLegs();
                    end();
                    bridge.distributor().ifPresent(acd -> acd.callerAbandoned(id));
                }
            }
            case FLOW, SURVEY -> {
                if (byCaller) {
                    end();
                }
            }
            case TRANSFERRING -> {
                if (byCaller) {
                    cancelAllLegs();
                    end();
                }
            }
            case CALLBACK_CONFIRMING -> {
                if (byCaller) {
                    callerGone();
                }
            }
            case CALLBACK, CALLING_BACK -> { }
            case OUTSIDE -> {
                sendBye(byCaller ? agentDialog : callerInvite.getDialog());
                end();
            }
            case ENDED -> { }
        }
    }

    /** Called by the bridge when a survey flow takes over the caller after the agent hung up. */
    synchronized void surveyStarts() {
        phase = Phase.SURVEY;
    }

    /**
     * A re-INVITE from one party: answered here, from the party's own RTP endpoint. A party that holds
     * (sendonly, inactive) leaves the other one hearing music on hold until it takes the call back.
     */
    synchronized void reinvited(boolean byCaller, ServerTransaction transaction) {
        MediaLeg media = byCaller ? callerMedia : agentMedia;
        if (media == null || phase == Phase.ENDED) {
            replies.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!actions.answerReoffer(id, media, transaction)) {
            return;
        }
        if (phase == Phase.BRIDGED || phase == Phase.OUTSIDE) {
            applyHold();
        }
    }

    /** The caller's ACK; with a late offer it carries the answer to ours. */
    synchronized void callerAcknowledged(Request ack) {
        if (!callerLateOffer) {
            return;
        }
        SipReplies.sdpOf(ack).ifPresent(sdp -> {
            try {
                callerMedia.answered(sdp);
            } catch (MediaException e) {
                LOG.warn("call {}: the caller's ACK has unusable media: {}", id, e.getMessage());
            }
        });
    }

    /** The caller's leg broke (for example its 200 OK was never acknowledged). */
    synchronized void callerLegFailed(String reason) {
        if (phase == Phase.ENDED || phase == Phase.CALLBACK || phase == Phase.CALLING_BACK) {
            return;
        }
        Phase was = phase;
        if (phase == Phase.OFFERING || phase == Phase.TRANSFERRING) {
            cancelAllLegs();
        } else if (phase == Phase.BRIDGED || phase == Phase.OUTSIDE) {
            sendBye(agentDialog);
        }
        end();
        if (was == Phase.WAITING || was == Phase.OFFERING || was == Phase.BRIDGED) {
            bridge.distributor().ifPresent(acd -> acd.callFailed(id, reason));
        }
    }

    // ---- callbacks

    /**
     * The caller waiting in the queue asks to be called back at their number: the call keeps its place, the
     * caller hears the confirmation and is hung up. False when it cannot be done (not waiting, no trunk).
     */
    synchronized boolean requestCallback(List<String> confirmation, boolean trunkConfigured) {
        if (phase != Phase.WAITING || !trunkConfigured || !OutboundTrunk.NUMBER.matcher(ani).matches()) {
            return false;
        }
        var acd = bridge.distributor();
        if (acd.isEmpty()) {
            return false;
        }
        callback = new Callback(ani);
        phase = Phase.CALLBACK_CONFIRMING;
        acd.get().callbackRequested(id, ani);
        LOG.info("call {}: the caller asked to be called back at {}; the call keeps its place", id, ani);
        callerMedia.play(confirmation).finished().whenComplete((played, error) -> confirmed());
        return true;
    }

    private synchronized void confirmed() {
        if (phase == Phase.CALLBACK_CONFIRMING) {
            sendBye(callerDialog());
            callerGone();
        }
    }

    /** The caller's leg of a callback ended: the call waits for its turn with nobody connected. */
    private void callerGone() {
        callerMedia.close();
        phase = Phase.CALLBACK;
    }

    /** The callback's turn: call the customer through the trunk; the agent is rung once the customer answers. */
    private void callBack(AgentOffer offer) {
        Optional<String> trunk = bridge.outboundTrunk();
        MediaLeg media = null;
        try {
            if (trunk.isEmpty()) {
                throw new IllegalStateException("no outbound trunk is configured any more");
            }
            media = mediaServer.offer(mediaId, CALLBACK_PREFIX + callback.number);
            Request invite = agentInvite("sip:" + callback.number + "@" + trunk.get(), media.localDescription());
            AgentLeg leg = new AgentLeg(CALLBACK_PREFIX + callback.number,
                    sip.provider().getNewClientTransaction(invite), media);
            legs.put(leg.agentId, leg);
            callback.pending = offer;
            phase = Phase.CALLING_BACK;
            bridge.track(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), this);
            leg.invite.sendRequest();
            leg.ringTimer = bridge.schedule(() -> ringTimedOut(leg), bridge.outboundRingTime().toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info("call {}: calling the customer back at {} for agent {}", id, callback.number, offer.agentId());
        } catch (MediaException | ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.warn("call {}: cannot call {} back: {}", id, callback.number, e.toString());
            if (media != null) {
                media.close();
            }
            legs.remove(CALLBACK_PREFIX + callback.number);
            callback.pending = null;
            phase = Phase.CALLBACK;
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, offer.agentId(),
                    OfferOutcome.CUSTOMER_UNREACHABLE, "the callback could not be placed: " + e.getMessage()));
        }
    }

    /** The customer answered the callback: they are the caller now, and the agent is rung. */
    private void customerAnswered(AgentLeg leg, Response response, Dialog dialog) {
        cancelTimer(leg);
        AgentOffer pending = callback.pending;
        try {
            leg.media.answered(SipReplies.sdpOf(response).orElseThrow(
                    () -> new MediaException(Response.NOT_ACCEPTABLE_HERE, "the answer has no SDP")));
        } catch (MediaException e) {
            sendBye(dialog);
            leg.media.close();
            callback.pending = null;
            phase = Phase.CALLBACK;
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, pending.agentId(),
                    OfferOutcome.CUSTOMER_UNREACHABLE, "the customer's phone answered with unusable media"));
            return;
        }
        callback.dialog = dialog;
        callback.sipCallId = dialog.getCallId().getCallId();
        callerMedia = leg.media;
        callerAnswered = true;
        hangUpWhenSilent(callerMedia, dialog);
        callback.pending = null;
        phase = Phase.WAITING;
        callerMedia.playRingback();
        LOG.info("call {}: the customer answered the callback; ringing agent {}", id, pending.agentId());
        offer(pending);
    }

    // ---- third-party call control (the agent's desktop)

    /** The desktop ends the call: every connected party gets a BYE. */
    @Override
    public synchronized void hangUpFromDesk() throws CallControlException {
        Phase was = phase;
        switch (was) {
            case ENDED -> throw new CallControlException("call " + id + " has already ended");
            case BRIDGED -> {
                sendBye(agentDialog);
                sendBye(callerDialog());
                end();
                bridge.distributor().ifPresent(acd -> acd.callEnded(id, "agent"));
            }
            case TRANSFERRING, OUTSIDE -> {
                cancelAllLegs();
                sendBye(agentDialog);
                sendBye(callerDialog());
                end();
            }
            default -> {
                hangUpCaller();
                if (was == Phase.WAITING || was == Phase.OFFERING) {
                    bridge.distributor().ifPresent(acd -> acd.callFailed(id, "ended from the console"));
                }
            }
        }
    }

    /** The desktop holds the caller (music for the caller, silence for the agent) or takes the caller back. */
    synchronized void holdFromDesk(boolean hold) throws CallControlException {
        if (phase != Phase.BRIDGED) {
            throw new CallControlException("call " + id + " is not connected to an agent (it is "
                    + phase.name().toLowerCase() + ")");
        }
        if (heldByDesk == hold) {
            throw new CallControlException("call " + id + " is " + (hold ? "already" : "not") + " on hold");
        }
        heldByDesk = hold;
        applyHold();
    }

    /**
     * Blind transfer to a queue, or to one agent through one of the agent's queues: the agent's phone is released
     * (the call's record ends as answered, the agent goes to wrap-up) and the caller, hearing music, waits as a new
     * call whose record names the one it came from.
     */
    synchronized void transferToQueue(String queue, String newId, Instant now, Optional<String> toAgent)
            throws CallControlException {
        requireConnectedToAgent();
        String previous = id;
        String fromAgent = agentId;
        releaseAgentForTransfer(toAgent.map(agent -> "agent:" + agent).orElse("queue:" + queue));
        id = newId;
        bridge.renamed(this, previous);
        phase = Phase.WAITING;
        callerMedia.playMusicOnHold();
        var acd = bridge.distributor();
        if (acd.isEmpty()) {
            hangUpCaller();
            return;
        }
        Map<String, String> variables = new HashMap<>(Map.of(CallVariables.TRANSFER_FROM, previous,
                CallVariables.TRANSFER_AGENT, fromAgent, CallVariables.TRANSFER_ORIGIN, mediaId));
        toAgent.ifPresent(agent -> variables.put(CallVariables.TRANSFER_TO_AGENT, agent));
        acd.get().enqueue(new InboundCall(newId, ani, dnis, queue, now, 0, variables), this);
    }

    /**
     * Blind transfer to an outside number through the trunk: the agent's phone is released (the call's record
     * ends as answered) and the caller hears music until the number answers; if it does not, the caller is hung
     * up.
     */
    synchronized void transferToNumber(String number, String trunk, Duration ringTimeout)
            throws CallControlException {
        requireConnectedToAgent();
        MediaLeg media;
        try {
            media = mediaServer.offer(mediaId, OUTSIDE_PREFIX + number);
        } catch (MediaException e) {
            throw new CallControlException("no media port for the transfer: " + e.getMessage());
        }
        Request invite;
        ClientTransaction transaction;
        try {
            invite = agentInvite("sip:" + number + "@" + trunk, media.localDescription());
            transaction = sip.provider().getNewClientTransaction(invite);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            media.close();
            throw new CallControlException("cannot call " + number + " through " + trunk + ": " + e.getMessage());
        }
        releaseAgentForTransfer("number:" + number);
        phase = Phase.TRANSFERRING;
        callerMedia.playMusicOnHold();
        AgentLeg leg = new AgentLeg(OUTSIDE_PREFIX + number, transaction, media);
        legs.put(leg.agentId, leg);
        bridge.track(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), this);
        try {
            transaction.sendRequest();
        } catch (SipException e) {
            LOG.warn("call {}: the transfer INVITE to {} was not sent: {}", id, number, e.getMessage());
            agentFailed(transaction, 0, "not sent");
            return;
        }
        leg.ringTimer = bridge.schedule(() -> ringTimedOut(leg), ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void requireConnectedToAgent() throws CallControlException {
        if (phase != Phase.BRIDGED) {
            throw new CallControlException("only a call connected to an agent can be transferred; call " + id
                    + " is " + phase.name().toLowerCase());
        }
    }

    /** Ends the agent's part of the call for a blind transfer; the caller stays, unbridged. */
    private void releaseAgentForTransfer(String target) {
        String callId = id;
        bridge.distributor().ifPresent(acd -> {
            acd.addVariables(callId, Map.of(CallVariables.TRANSFER_TO, target));
            acd.callEnded(callId, "transfer to " + target);
        });
        dropSupervisors("the agent transferred the call");
        callerMedia.unbridge();
        sendBye(agentDialog);
        agentMedia.close();
        agentDialog = null;
        agentMedia = null;
        heldByDesk = false;
        LOG.info("call {}: agent {} transferred the caller to {}", callId, agentId, target);
    }

    private void outsideAnswered(AgentLeg leg, Response response, Dialog dialog) {
        cancelTimer(leg);
        try {
            leg.media.answered(SipReplies.sdpOf(response).orElseThrow(
                    () -> new MediaException(Response.NOT_ACCEPTABLE_HERE, "the answer has no SDP")));
        } catch (MediaException e) {
            LOG.warn("call {}: {} answered with unusable media ({}); hanging up", id, leg.agentId, e.getMessage());
            sendBye(dialog);
            leg.media.close();
            sendBye(callerDialog());
            end();
            return;
        }
        agentId = leg.agentId;
        agentDialog = dialog;
        agentMedia = leg.media;
        hangUpWhenSilent(agentMedia, dialog);
        callerMedia.bridge(agentMedia);
        phase = Phase.OUTSIDE;
        LOG.info("call {}: {} answered the transfer", id, leg.agentId);
    }

    // ---- supervision

    @Override
    public synchronized void supervise(String extension, String contact, SupervisionMode mode)
            throws CallControlException {
        if (phase != Phase.BRIDGED) {
            throw new CallControlException("only a call connected to an agent can be supervised; call " + id
                    + " is " + phase.name().toLowerCase());
        }
        supervisors.join(id, mediaId, agentId, ani, extension, contact, mode);
    }

    @Override
    public synchronized void endSupervision(String extension) throws CallControlException {
        supervisors.leave(id, extension);
    }

    @Override
    public synchronized List<Supervision> supervisions() {
        return supervisors.describe();
    }

    private void applySupervision() {
        if (phase == Phase.BRIDGED && agentMedia != null) {
            supervisors.mix(callerMedia, agentMedia,
                    heldByDesk || agentMedia.remoteHolds() || callerMedia.remoteHolds());
        }
    }

    /** The agent's part of the call ends: the supervisors' phones are hung up and the caller hears no mix. */
    private void dropSupervisors(String why) {
        if (supervisors.endAll(why)) {
            callerMedia.hearMix(List.of());
        }
    }

    // ---- internals

    private void sendCallerOk() {
        Response ok = replies.dialogResponse(Response.OK, callerInvite.getRequest(), callerTag);
        replies.setSdp(ok, callerMedia.localDescription());
        replies.send(callerInvite, ok);
        callerAnswered = true;
        hangUpWhenSilent(callerMedia, callerDialog());
    }

    private void hangUpWhenSilent(MediaLeg media, Dialog dialog) {
        actions.hangUpWhenSilent(id, media, dialog, this, bridge);
    }

    private void applyHold() {
        boolean agentHolds = agentMedia.remoteHolds() || heldByDesk;
        boolean callerHolds = callerMedia.remoteHolds();
        if (!agentHolds && !callerHolds) {
            callerMedia.bridge(agentMedia);
            return;
        }
        callerMedia.unbridge();
        if (agentHolds) {
            callerMedia.playMusicOnHold();
        } else {
            callerMedia.stopPlaying();
        }
        if (callerHolds) {
            agentMedia.playMusicOnHold();
        }
        applySupervision();
    }

    private AgentLeg legFor(ClientTransaction transaction) {
        for (AgentLeg leg : legs.values()) {
            if (leg.invite == transaction) {
                return leg;
            }
        }
        return null;
    }

    private void ringTimedOut(AgentLeg leg) {
        synchronized (this) {
            if (legs.get(leg.agentId) == leg && leg.cancelledBecause == null) {
                LOG.info("call {}: agent {} did not answer in time", id, leg.agentId);
                cancelLeg(leg, OfferOutcome.NO_ANSWER);
            }
        }
    }

    private void cancelAllLegs() {
        for (AgentLeg leg : List.copyOf(legs.values())) {
            if (leg.cancelledBecause == null) {
                cancelLeg(leg, OfferOutcome.NO_ANSWER);
            }
        }
    }

    private void cancelLeg(AgentLeg leg, OfferOutcome because) {
        cancelTimer(leg);
        leg.cancelledBecause = because;
        try {
            ClientTransaction cancel = sip.provider().getNewClientTransaction(leg.invite.createCancel());
            cancel.sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.debug("call {}: CANCEL to agent {} not sent ({}); dropping the offer", id, leg.agentId,
                    e.getMessage());
            try {
                leg.invite.terminate();
            } catch (javax.sip.ObjectInUseException ignored) {
                // already terminated
            }
            agentFailed(leg.invite, 0, because == OfferOutcome.NO_ANSWER ? "not answered" : "unreachable");
        }
    }

    private static void cancelTimer(AgentLeg leg) {
        if (leg.ringTimer != null) {
            leg.ringTimer.cancel(false);
            leg.ringTimer = null;
        }
    }

    /**
     * Ends the call once: its media is released, the bridge forgets it, its place among the calls in progress is
     * given back, and whoever waited for its end (a call flow) is told.
     */
    private void end() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        supervisors.endAll("the call ended");
        callerMedia.close();
        if (agentMedia != null) {
            agentMedia.close();
        }
        legs.values().forEach(leg -> leg.media.close());
        bridge.forget(this);
        for (Runnable action : endActions) {
            bridge.schedule(action, 0, TimeUnit.MILLISECONDS);
        }
        endActions.clear();
    }

    private Request agentInvite(String contact, String sdp) throws ParseException, InvalidArgumentException {
        return actions.invite(contact, ani, sdp);
    }

    private void acknowledge(Dialog dialog, Response response) {
        actions.acknowledge(id, dialog, response);
    }

    private void sendBye(Dialog dialog) {
        actions.bye(id, dialog);
    }
}
