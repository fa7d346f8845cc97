package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;

/** What the calls of the back-to-back user agent send as a UAC: new INVITEs, ACKs of answers, BYEs. */
final class DialogActions {
    private static final Logger LOG = LoggerFactory.getLogger(DialogActions.class);

    private final SipEndpoint sip;
    private final SipReplies replies;

    DialogActions(SipEndpoint sip, SipReplies replies) {
        this.sip = sip;
        this.replies = replies;
    }

    /** A new INVITE to {@code target} (a contact or SIP URI) from {@code fromUser} at this server, with an SDP offer. */
    Request invite(String target, String fromUser, String sdp) throws ParseException, InvalidArgumentException {
        return invite(target, fromUser, fromUser, sdp);
    }

    /** The same, with the name the called phone displays for the caller. */
    Request invite(String target, String fromUser, String displayName, String sdp)
            throws ParseException, InvalidArgumentException {
        Address address = sip.addresses.createAddress(target);
        SipURI requestUri = (SipURI) address.getURI();
        String transport = requestUri.getTransportParam() == null ? "udp" : requestUri.getTransportParam();

        SipURI fromUri = sip.addresses.createSipURI(fromUser, sip.settings().host());
        Address fromAddress = sip.addresses.createAddress(fromUri);
        fromAddress.setDisplayName(displayName);
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
        replies.setSdp(invite, sdp);
        return invite;
    }

    /** Sends the INVITE in a new client transaction, which it returns. */
    ClientTransaction send(Request invite) throws SipException {
        ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
        transaction.sendRequest();
        return transaction;
    }

    void acknowledge(String callId, Dialog dialog, Response response) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        } catch (InvalidArgumentException | SipException e) {
            LOG.warn("call {}: could not acknowledge an answer: {}", callId, e.getMessage());
        }
    }

    void bye(String callId, Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction transaction = sip.provider().getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
        } catch (SipException | RuntimeException e) {
            LOG.warn("call {}: could not send BYE: {}", callId, e.getMessage());
        }
    }

    /**
     * Answers a re-INVITE from a party's own RTP endpoint: 200 with the endpoint's answer to the new offer (or its
     * description when the re-INVITE has none), or the status that says why the offer is refused.
     *
     * @return whether it was accepted (the party's hold state may have changed)
     */
    boolean answerReoffer(String callId, MediaLeg media, ServerTransaction transaction) {
        String answer;
        try {
            Optional<String> offer = SipReplies.sdpOf(transaction.getRequest());
            answer = offer.isPresent() ? media.reoffered(offer.get()) : media.localDescription();
        } catch (MediaException e) {
            LOG.info("call {}: re-INVITE from leg {} refused: {}", callId, media.name(), e.getMessage());
            replies.send(transaction, e.sipStatus());
            return false;
        }
        Response ok = replies.dialogResponse(Response.OK, transaction.getRequest(),
                ((ToHeader) transaction.getRequest().getHeader(ToHeader.NAME)).getTag());
        replies.setSdp(ok, answer);
        replies.send(transaction, ok);
        return true;
    }

    /**
     * Hangs up, from now on, a party whose phone stops sending RTP: a phone that lost its power or its network never
     * sends a BYE, and its call would hold the other party (an agent) for ever. Once {@code media} has heard nothing
     * for the media server's timeout, the party gets a BYE and {@code call} goes on as if the party had hung up.
     */
    void hangUpWhenSilent(String callId, MediaLeg media, Dialog dialog, ServerCall call, CallBridge bridge) {
        String sipCallId = dialog.getCallId().getCallId();
        media.onMediaTimeout(() -> bridge.schedule(() -> {
            if (dialog.getState() == DialogState.TERMINATED) {
                return;
            }
            LOG.warn("call {}: leg {} sends no RTP any more; it is hung up as if it had hung up", callId,
                    media.name());
            replies.counters().hungUpForNoMedia();
            bye(callId, dialog);
            call.bye(sipCallId);
        }, 0, TimeUnit.MILLISECONDS));
    }

    /** CANCELs a pending INVITE; false when the CANCEL could not be sent (the INVITE is then terminated). */
    boolean cancel(String callId, ClientTransaction invite) {
        try {
            sip.provider().getNewClientTransaction(invite.createCancel()).sendRequest();
            return true;
        } catch (SipException | RuntimeException e) {
            LOG.debug("call {}: CANCEL not sent ({})", callId, e.getMessage());
            try {
                invite.terminate();
            } catch (javax.sip.ObjectInUseException ignored) {
                // already terminated
            }
            return false;
        }
    }
}
