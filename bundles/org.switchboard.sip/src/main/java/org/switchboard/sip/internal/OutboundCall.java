package org.switchboard.sip.internal;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.switchboard.api.acd.OfferOutcome;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;

/**
 * An agent's call out, dialled from the desktop: the server rings the agent's own phone first (the distributor
 * offers the call to the agent as it offers any call), and once the agent answers, calls the number through the
 * outbound trunk; when the number answers, the two are bridged through the server's media. Both legs are the
 * server's own INVITEs. Every method is synchronized.
 */
final class OutboundCall implements CallerLeg, ServerCall, SupervisedCall {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundCall.class);

    enum Phase {
        /** The agent's phone rings. */
        RINGING_AGENT,
        /** The agent answered and hears ringback; the number rings. */
        DIALLING,
        /** Agent and number talk. */
        CONNECTED,
        ENDED
    }

    private final String id;
    private final String agentId;
    private final String number;
    private final String trunk;
    private final Duration numberRingTime;
    private final CallBridge bridge;
    private final DialogActions actions;
    private final SipReplies replies;
    private final MediaServer mediaServer;
    private final Set<String> sipCallIds = ConcurrentHashMap.newKeySet();

    private Phase phase = Phase.RINGING_AGENT;
    private ClientTransaction agentInvite;
    private ClientTransaction numberInvite;
    private MediaLeg agentMedia;
    private MediaLeg numberMedia;
    private Dialog agentDialog;
    private Dialog numberDialog;
    private String agentSipCallId;
    private ScheduledFuture<?> ringTimer;
    private final Supervisors supervisors;

    OutboundCall(String id, String agentId, String number, String trunk, Duration numberRingTime, CallBridge bridge,
            DialogActions actions, SipReplies replies, MediaServer mediaServer) {
        this.id = id;
        this.agentId = agentId;
        this.number = number;
        this.trunk = trunk;
        this.numberRingTime = numberRingTime;
        this.bridge = bridge;
        this.actions = actions;
        this.replies = replies;
        this.mediaServer = mediaServer;
        this.supervisors = new Supervisors(this, this::applySupervision, bridge, actions, replies, mediaServer);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> trackedSipCallIds() {
        return sipCallIds;
    }

    @Override
    public void trackedAs(String sipCallId) {
        sipCallIds.add(sipCallId);
    }

    // ---- CallerLeg: from the distributor

    /** The distributor offers the call to its agent: ring the agent's phone. */
    @Override
    public synchronized void offer(AgentOffer offer) {
        if (phase != Phase.RINGING_AGENT || agentInvite != null) {
            return;
        }
        try {
            agentMedia = mediaServer.offer(id, agentId);
            Request invite = actions.invite(offer.contact(), number, agentMedia.localDescription());
            agentSipCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            bridge.track(agentSipCallId, this);
            agentInvite = actions.send(invite);
            ringTimer = bridge.schedule(() -> ringTimedOut(), offer.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("call {}: agent {} dials {}; ringing the agent's phone first", id, agentId, number);
        } catch (MediaException | ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.warn("call {}: cannot ring agent {} to dial out: {}", id, agentId, e.toString());
            end();
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, agentId, OfferOutcome.UNREACHABLE,
                    "could not be rung: " + e.getMessage()));
        }
    }

    @Override
    public synchronized void withdrawOffer(String agent) {
        if (phase == Phase.RINGING_AGENT && agentInvite != null) {
            actions.cancel(id, agentInvite);
        }
    }

    @Override
    public synchronized void release(int sipStatus, String reason) {
        if (phase == Phase.ENDED) {
            return;
        }
        LOG.info("call {}: the call out to {} is released ({} {})", id, number, sipStatus, reason);
        hangUpEverything();
        end();
    }

    // ---- ServerCall: SIP routed here

    @Override
    public synchronized boolean isOwnInvite(ClientTransaction transaction) {
        return transaction != null && (transaction == agentInvite || transaction == numberInvite);
    }

    @Override
    public synchronized void provisional(ClientTransaction transaction, Response response) {
        int status = response.getStatusCode();
        if (transaction == agentInvite && phase == Phase.RINGING_AGENT && status > Response.TRYING) {
            bridge.distributor().ifPresent(acd -> acd.agentRinging(id, agentId));
        }
    }

    @Override
    public synchronized void answered(ClientTransaction transaction, Response response, Dialog dialog) {
        actions.acknowledge(id, dialog, response);
        if (transaction == agentInvite && phase == Phase.RINGING_AGENT) {
            agentAnswered(response, dialog);
        } else if (transaction == numberInvite && phase == Phase.DIALLING) {
            numberAnswered(response, dialog);
        } else {
            actions.bye(id, dialog);
        }
    }

    @Override
    public synchronized void failed(ClientTransaction transaction, int status, String reason) {
        if (transaction == agentInvite && phase == Phase.RINGING_AGENT) {
            cancelTimer();
            end();
            OfferOutcome outcome = switch (status) {
                case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> OfferOutcome.BUSY;
                case Response.DECLINE -> OfferOutcome.DECLINED;
                case Response.REQUEST_TERMINATED, Response.REQUEST_TIMEOUT -> OfferOutcome.NO_ANSWER;
                default -> OfferOutcome.UNREACHABLE;
            };
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, agentId, outcome,
                    status > 0 ? "answered " + status + " " + reason : reason));
        } else if (transaction == numberInvite && phase == Phase.DIALLING) {
            cancelTimer();
            LOG.info("call {}: {} did not answer agent {}'s call ({} {})", id, number, agentId, status, reason);
            actions.bye(id, agentDialog);
            end();
            bridge.distributor().ifPresent(acd -> {
                acd.addVariables(id, Map.of("outbound.result", status + " " + reason));
                acd.callFailed(id, "the number did not answer: " + status + " " + reason);
            });
        }
    }

    @Override
    public synchronized void bye(String sipCallId) {
        boolean fromAgent = sipCallId.equals(agentSipCallId);
        switch (phase) {
            case CONNECTED -> {
                actions.bye(id, fromAgent ? numberDialog : agentDialog);
                end();
                bridge.distributor().ifPresent(acd -> acd.callEnded(id, fromAgent ? "agent" : "caller"));
            }
            case DIALLING -> {
                if (fromAgent) {
                    cancelTimer();
                    actions.cancel(id, numberInvite);
                    end();
                    bridge.distributor().ifPresent(acd -> acd.callFailed(id,
                            "the agent hung up before " + number + " answered"));
                }
            }
            default -> { }
        }
    }

    /** Hold from either phone: answered from its own endpoint; the other party hears music while it holds. */
    @Override
    public synchronized void reinvite(String sipCallId, ServerTransaction transaction) {
        boolean fromAgent = sipCallId.equals(agentSipCallId);
        MediaLeg media = fromAgent ? agentMedia : numberMedia;
        if (media == null || phase == Phase.ENDED) {
            replies.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!actions.answerReoffer(id, media, transaction)) {
            return;
        }
        if (phase == Phase.CONNECTED) {
            boolean agentHolds = agentMedia.remoteHolds();
            boolean numberHolds = numberMedia.remoteHolds();
            if (!agentHolds && !numberHolds) {
                agentMedia.bridge(numberMedia);
                applySupervision();
                return;
            }
            agentMedia.unbridge();
            if (agentHolds) {
                numberMedia.playMusicOnHold();
            }
            if (numberHolds) {
                agentMedia.playMusicOnHold();
            }
            applySupervision();
        }
    }

    @Override
    public void ack(String sipCallId, Request ack) {
        // both legs are our own INVITEs: their answers carry the SDP, the ACKs we send carry none
    }

    @Override
    public void cancel() {
        // the server sent both INVITEs; a CANCEL for this call is not for us
    }

    @Override
    public synchronized void serverLegFailed(String reason) {
        if (phase == Phase.ENDED) {
            return;
        }
        boolean answered = phase != Phase.RINGING_AGENT;
        hangUpEverything();
        end();
        if (answered) {
            bridge.distributor().ifPresent(acd -> acd.callFailed(id, reason));
        }
    }

    @Override
    public synchronized void hangUpFromDesk() throws CallControlException {
        switch (phase) {
            case ENDED -> throw new CallControlException("call " + id + " has already ended");
            case RINGING_AGENT -> actions.cancel(id, agentInvite);
            case DIALLING, CONNECTED -> {
                actions.bye(id, agentDialog);
                bye(agentSipCallId);
            }
        }
    }

    // ---- supervision: the number called is the customer's side

    @Override
    public synchronized void supervise(String extension, String contact, SupervisionMode mode)
            throws CallControlException {
        if (phase != Phase.CONNECTED) {
            throw new CallControlException("only a call connected to an agent can be supervised; agent " + agentId
                    + "'s call out " + id + " is " + phase.name().toLowerCase());
        }
        supervisors.join(id, id, agentId, number, extension, contact, mode);
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
        if (phase == Phase.CONNECTED) {
            supervisors.mix(numberMedia, agentMedia, agentMedia.remoteHolds() || numberMedia.remoteHolds());
        }
    }

    // ---- internals

    private void agentAnswered(Response response, Dialog dialog) {
        cancelTimer();
        agentDialog = dialog;
        try {
            agentMedia.answered(SipReplies.sdpOf(response).orElseThrow(
                    () -> new MediaException(Response.NOT_ACCEPTABLE_HERE, "the answer has no SDP")));
        } catch (MediaException e) {
            actions.bye(id, dialog);
            end();
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, agentId, OfferOutcome.UNREACHABLE,
                    "answered with unusable media: " + e.getMessage()));
            return;
        }
        phase = Phase.DIALLING;
        actions.hangUpWhenSilent(id, agentMedia, dialog, this, bridge);
        bridge.distributor().ifPresent(acd -> acd.offerAnswered(id, agentId));
        agentMedia.playRingback();
        try {
            numberMedia = mediaServer.offer(id, "number:" + number);
            Request invite = actions.invite("sip:" + number + "@" + trunk, agentId, numberMedia.localDescription());
            bridge.track(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), this);
            numberInvite = actions.send(invite);
            ringTimer = bridge.schedule(this::ringTimedOut, numberRingTime.toMillis(), TimeUnit.MILLISECONDS);
        } catch (MediaException | ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.warn("call {}: cannot call {} through {}: {}", id, number, trunk, e.toString());
            actions.bye(id, agentDialog);
            end();
            bridge.distributor().ifPresent(acd -> acd.callFailed(id, "the number could not be called: "
                    + e.getMessage()));
        }
    }

    private void numberAnswered(Response response, Dialog dialog) {
        cancelTimer();
        numberDialog = dialog;
        try {
            numberMedia.answered(SipReplies.sdpOf(response).orElseThrow(
                    () -> new MediaException(Response.NOT_ACCEPTABLE_HERE, "the answer has no SDP")));
        } catch (MediaException e) {
            actions.bye(id, dialog);
            actions.bye(id, agentDialog);
            end();
            bridge.distributor().ifPresent(acd -> acd.callFailed(id, "the number answered with unusable media"));
            return;
        }
        actions.hangUpWhenSilent(id, numberMedia, dialog, this, bridge);
        agentMedia.bridge(numberMedia);
        phase = Phase.CONNECTED;
        LOG.info("call {}: {} answered agent {}", id, number, agentId);
    }

    private void ringTimedOut() {
        synchronized (this) {
            ClientTransaction pending = phase == Phase.RINGING_AGENT ? agentInvite
                    : phase == Phase.DIALLING ? numberInvite : null;
            if (pending != null && !actions.cancel(id, pending)) {
                failed(pending, Response.REQUEST_TIMEOUT, "not answered in time");
            }
        }
    }

    private void hangUpEverything() {
        cancelTimer();
        if (phase == Phase.RINGING_AGENT && agentInvite != null) {
            actions.cancel(id, agentInvite);
        }
        if (phase == Phase.DIALLING && numberInvite != null) {
            actions.cancel(id, numberInvite);
        }
        actions.bye(id, agentDialog);
        actions.bye(id, numberDialog);
    }

    private void cancelTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }

    private void end() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        supervisors.endAll("the call ended");
        if (agentMedia != null) {
            agentMedia.close();
        }
        if (numberMedia != null) {
            numberMedia.close();
        }
        bridge.forget(this);
    }
}
