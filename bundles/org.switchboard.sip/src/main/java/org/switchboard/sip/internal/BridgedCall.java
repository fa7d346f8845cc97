package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AgentOffer;
import org.switchboard.api.acd.CallerLeg;
import org.switchboard.api.acd.OfferOutcome;

/**
 * One call through the back-to-back user agent: the caller's dialog (we are its UAS) and, once agents are
 * offered the call, one INVITE per agent's phone (we are its UAC; several at once for ring-all) until one
 * answers and becomes the agent's dialog. Every method is synchronized: the SIP stack's threads,
 * the distributor's thread and the ring timer all act on it.
 */
final class BridgedCall implements CallerLeg {
    private static final Logger LOG = LoggerFactory.getLogger(BridgedCall.class);

    enum Phase {
        /** In the queue, no agent rung. */
        WAITING,
        /** One agent's phone, or several (ring-all), ringing. */
        OFFERING,
        /** Caller and agent are connected. */
        BRIDGED,
        ENDED
    }

    /** One agent's phone being rung with the call. */
    private static final class AgentLeg {
        final String agentId;
        final ClientTransaction invite;
        ScheduledFuture<?> ringTimer;
        /** Why we cancelled this leg's INVITE, reported when its final response arrives. */
        OfferOutcome cancelledBecause;

        AgentLeg(String agentId, ClientTransaction invite) {
            this.agentId = agentId;
            this.invite = invite;
        }
    }

    final String id;
    private final CallBridge bridge;
    private final SipEndpoint sip;
    private final SipReplies replies;
    private final ServerTransaction callerInvite;
    private final String callerTag = SipReplies.newTag();
    private final String ani;

    private Phase phase = Phase.WAITING;
    /** The SIP Call-IDs the bridge finds this call by (the caller's and each agent leg's). */
    private final Set<String> sipCallIds = ConcurrentHashMap.newKeySet();
    private boolean ringbackSent;
    private final Map<String, AgentLeg> legs = new LinkedHashMap<>();
    private String agentId;
    private Dialog agentDialog;

    BridgedCall(String id, String ani, CallBridge bridge, SipEndpoint sip, SipReplies replies,
            ServerTransaction callerInvite) {
        this.id = id;
        this.ani = ani;
        this.bridge = bridge;
        this.sip = sip;
        this.replies = replies;
        this.callerInvite = callerInvite;
    }

    synchronized Phase phase() {
        return phase;
    }

    void trackedAs(String sipCallId) {
        sipCallIds.add(sipCallId);
    }

    Set<String> trackedSipCallIds() {
        return sipCallIds;
    }

    String callerSipCallId() {
        return ((CallIdHeader) callerInvite.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    }

    synchronized Dialog callerDialog() {
        return callerInvite.getDialog();
    }

    synchronized Dialog agentDialog() {
        return agentDialog;
    }

    synchronized boolean isAgentInvite(ClientTransaction transaction) {
        return legFor(transaction) != null;
    }

    // ---- CallerLeg: from the distributor's thread

    @Override
    public synchronized void offer(AgentOffer offer) {
        if (phase != Phase.WAITING && phase != Phase.OFFERING) {
            LOG.debug("call {} is {}; offer to {} not placed", id, phase, offer.agentId());
            return;
        }
        try {
            Request invite = agentInvite(offer.contact());
            AgentLeg leg = new AgentLeg(offer.agentId(), sip.provider().getNewClientTransaction(invite));
            legs.put(offer.agentId(), leg);
            if (phase == Phase.WAITING) {
                ringbackSent = false;
            }
            phase = Phase.OFFERING;
            bridge.track(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), this);
            leg.invite.sendRequest();
            leg.ringTimer = bridge.schedule(() -> ringTimedOut(leg), offer.ringTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.warn("call {}: cannot ring agent {} at {}: {}", id, offer.agentId(), offer.contact(), e.toString());
            legs.remove(offer.agentId());
            if (legs.isEmpty()) {
                phase = Phase.WAITING;
            }
            bridge.distributor().ifPresent(acd -> acd.offerFailed(id, offer.agentId(), OfferOutcome.UNREACHABLE,
                    "could not be rung: " + e.getMessage()));
        }
    }

    @Override
    public synchronized void withdrawOffer(String agent) {
        AgentLeg leg = legs.get(agent);
        if (leg != null && leg.cancelledBecause == null) {
            cancelLeg(leg, OfferOutcome.NO_ANSWER);
        }
    }

    @Override
    public synchronized void release(int sipStatus, String reason) {
        if (phase == Phase.ENDED || phase == Phase.BRIDGED) {
            return;
        }
        cancelAllLegs();
        Response response = replies.dialogResponse(sipStatus, callerInvite.getRequest(), callerTag);
        try {
            response.setReasonPhrase(reason);
        } catch (ParseException e) {
            LOG.debug("reason phrase {} not usable", reason);
        }
        replies.send(callerInvite, response);
        end();
    }

    // ---- events from the agents' legs

    synchronized void agentProvisional(ClientTransaction transaction, Response response) {
        AgentLeg leg = legFor(transaction);
        if (leg == null || phase != Phase.OFFERING || response.getStatusCode() == Response.TRYING) {
            return;
        }
        if (!ringbackSent) {
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
        if (leg == null || phase != Phase.OFFERING) {
            // the caller left, or another agent of a ring-all answered first: hang this phone up
            LOG.info("call {}: an agent answered after the call was {}; hanging that phone up", id,
                    phase == Phase.BRIDGED ? "answered by " + agentId : "over");
            sendBye(dialog);
            return;
        }
        cancelTimer(leg);
        cancelAllLegs();
        agentId = leg.agentId;
        agentDialog = dialog;
        Response ok = replies.dialogResponse(Response.OK, callerInvite.getRequest(), callerTag);
        copyBody(response.getRawContent(), (ContentTypeHeader) response.getHeader(ContentTypeHeader.NAME), ok);
        replies.send(callerInvite, ok);
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

    synchronized void callerCancelled() {
        if (phase != Phase.WAITING && phase != Phase.OFFERING) {
            return;
        }
        cancelAllLegs();
        replies.send(callerInvite, replies.dialogResponse(Response.REQUEST_TERMINATED, callerInvite.getRequest(),
                callerTag));
        end();
        bridge.distributor().ifPresent(acd -> acd.callerAbandoned(id));
    }

    /** A BYE arrived on one leg: relay it to the other one and close the call. */
    synchronized void hungUp(boolean byCaller) {
        if (phase != Phase.BRIDGED) {
            return;
        }
        sendBye(byCaller ? agentDialog : callerInvite.getDialog());
        end();
        bridge.distributor().ifPresent(acd -> acd.callEnded(id, byCaller ? "caller" : "agent"));
    }

    /** The caller's leg broke (for example its 200 OK was never acknowledged). */
    synchronized void callerLegFailed(String reason) {
        if (phase == Phase.ENDED) {
            return;
        }
        if (phase == Phase.OFFERING) {
            cancelAllLegs();
        } else if (phase == Phase.BRIDGED) {
            sendBye(agentDialog);
        }
        end();
        bridge.distributor().ifPresent(acd -> acd.callFailed(id, reason));
    }

    // ---- internals

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

    /** Ends the call once: the bridge forgets it and its place among the calls in progress is given back. */
    private void end() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        bridge.forget(this);
    }

    private Request agentInvite(String contact) throws ParseException, InvalidArgumentException {
        Request callerRequest = callerInvite.getRequest();
        Address target = sip.addresses.createAddress(contact);
        SipURI requestUri = (SipURI) target.getURI();
        String transport = requestUri.getTransportParam() == null ? "udp" : requestUri.getTransportParam();

        SipURI fromUri = sip.addresses.createSipURI(ani, sip.settings().host());
        Address fromAddress = sip.addresses.createAddress(fromUri);
        fromAddress.setDisplayName(ani);
        FromHeader from = sip.headers.createFromHeader(fromAddress, SipReplies.newTag());
        ToHeader to = sip.headers.createToHeader(sip.addresses.createAddress(
                sip.addresses.createSipURI(requestUri.getUser(), requestUri.getHost())), null);
        CallIdHeader callId = sip.provider().getNewCallId();
        CSeqHeader cseq = sip.headers.createCSeqHeader(1L, Request.INVITE);
        ViaHeader via = sip.headers.createViaHeader(sip.settings().host(), sip.settings().port(), transport, null);
        MaxForwardsHeader maxForwards = sip.headers.createMaxForwardsHeader(70);
        List<ViaHeader> vias = new ArrayList<>();
        vias.add(via);
        Request invite = sip.messages.createRequest(requestUri, Request.INVITE, callId, cseq, from, to, vias,
                maxForwards);
        invite.addHeader(replies.contact());
        copyBody(callerRequest.getRawContent(), (ContentTypeHeader) callerRequest.getHeader(ContentTypeHeader.NAME),
                invite);
        return invite;
    }

    private void copyBody(byte[] body, ContentTypeHeader type, javax.sip.message.Message target) {
        if (body == null || body.length == 0 || type == null) {
            return;
        }
        try {
            target.setContent(body, (ContentTypeHeader) type.clone());
        } catch (ParseException e) {
            LOG.warn("call {}: body not relayed: {}", id, e.getMessage());
        }
    }

    private void acknowledge(Dialog dialog, Response response) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        } catch (InvalidArgumentException | SipException e) {
            LOG.warn("call {}: could not acknowledge the agent's answer: {}", id, e.getMessage());
        }
    }

    private void sendBye(Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction transaction = sip.provider().getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
        } catch (SipException | RuntimeException e) {
            LOG.warn("call {}: could not send BYE: {}", id, e.getMessage());
        }
    }
}
