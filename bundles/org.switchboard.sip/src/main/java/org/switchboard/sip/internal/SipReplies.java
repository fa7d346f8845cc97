package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Optional;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small building blocks shared by the registrar and the back-to-back user agent. */
final class SipReplies {
    private static final Logger LOG = LoggerFactory.getLogger(SipReplies.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipEndpoint sip;

    private final SipCounters counters;

    SipReplies(SipEndpoint sip) {
        this(sip, new SipCounters());
    }

    /** The edge's counters, which the replies count into. */
    SipCounters counters() {
        return counters;
    }

    SipReplies(SipEndpoint sip, SipCounters counters) {
        this.sip = sip;
        this.counters = counters;
    }

    /**
     * The request's server transaction, created when the stack did not; empty for a retransmission that an
     * existing transaction already absorbs.
     */
    Optional<ServerTransaction> serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return Optional.of(event.getServerTransaction());
        }
        try {
            return Optional.of(sip.provider().getNewServerTransaction(event.getRequest()));
        } catch (TransactionAlreadyExistsException e) {
            return Optional.empty();
        } catch (TransactionUnavailableException e) {
            LOG.warn("no transaction for {} from {}: {}", event.getRequest().getMethod(), source(event),
                    e.getMessage());
            refuseMalformed(event);
            return Optional.empty();
        }
    }

    javax.sip.header.HeaderFactory headers() {
        return sip.headers;
    }

    /** A request the stack cannot make a transaction of (a required header missing): 400, without state. */
    private void refuseMalformed(RequestEvent event) {
        if (Request.ACK.equals(event.getRequest().getMethod())) {
            return;
        }
        try {
            Response response = response(Response.BAD_REQUEST, event.getRequest());
            response.setReasonPhrase("Missing Required Header");
            sip.provider().sendResponse(response);
            counters.sent(Response.BAD_REQUEST);
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.debug("no 400 sent for a request without a transaction: {}", e.getMessage());
        }
    }

    Response response(int status, Request request) {
        try {
            return sip.messages.createResponse(status, request);
        } catch (ParseException e) {
            throw new IllegalStateException("status " + status + " is valid", e);
        }
    }

    /** A response that creates or belongs to a dialog: carries our To tag and Contact. */
    Response dialogResponse(int status, Request request, String toTag) {
        Response response = response(status, request);
        try {
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(toTag);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad tag " + toTag, e);
        }
        response.setHeader(contact());
        return response;
    }

    /** Puts an SDP body into a message. */
    void setSdp(Message message, String sdp) {
        try {
            message.setContent(sdp.getBytes(StandardCharsets.US_ASCII),
                    sip.headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException("application/sdp is a valid content type", e);
        }
    }

    /** The SDP body of a message, if it has one. */
    static Optional<String> sdpOf(Message message) {
        byte[] body = message.getRawContent();
        ContentTypeHeader type =
                (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (body == null || body.length == 0 || type == null || !"application".equalsIgnoreCase(type.getContentType())
                || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            return Optional.empty();
        }
        return Optional.of(new String(body, StandardCharsets.US_ASCII));
    }

    void send(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
            counters.sent(response.getStatusCode());
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("could not send {} for {}: {}", response.getStatusCode(), transaction.getRequest().getMethod(),
                    e.getMessage());
        }
    }

    void send(ServerTransaction transaction, int status) {
        send(transaction, response(status, transaction.getRequest()));
    }

    /**
     * Refuses a request without keeping state for it (see {@link #answerWithoutState}).
     *
     * @param retryAfterSeconds the Retry-After header's value, or 0 for none
     */
    void refuse(RequestEvent event, int status, int retryAfterSeconds) {
        Response response = response(status, event.getRequest());
        if (retryAfterSeconds > 0) {
            try {
                response.setHeader(sip.headers.createRetryAfterHeader(retryAfterSeconds));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException("a positive number of seconds is valid", e);
            }
        }
        answerWithoutState(event, response);
    }

    /**
     * Answers a request that starts nothing (a refusal, an OPTIONS, a request for no known call) keeping no
     * state for it: over UDP the answer is sent statelessly (RFC 3261 8.2.7: no transaction, no retransmission
     * of the answer, the ACK is ignored), so that a flood of such requests takes no room in the stack's
     * transaction table; over TCP it goes through a transaction, which the connection carries.
     */
    void answerWithoutState(RequestEvent event, Response response) {
        Request request = event.getRequest();
        try {
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(statelessTag(request));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("a tag of hex digits is valid", e);
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via != null && ListeningPoint.UDP.equalsIgnoreCase(via.getTransport())) {
            try {
                sip.provider().sendResponse(response);
                counters.sent(response.getStatusCode());
            } catch (SipException | RuntimeException e) {
                LOG.debug("could not send {} for {} from {}: {}", response.getStatusCode(), request.getMethod(),
                        source(event), e.getMessage());
            }
            return;
        }
        serverTransaction(event).ifPresent(st -> send(st, response));
    }

    /**
     * The To tag of a stateless answer: the same for the same request, as RFC 3261 8.2.7 asks, so that a
     * retransmitted request gets the same answer.
     */
    static String statelessTag(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        String text = (callId == null ? "" : callId.getCallId()) + "|" + (from == null ? "" : from.getTag()) + "|"
                + (cseq == null ? "" : cseq.getSeqNumber());
        return "sl" + Integer.toHexString(text.hashCode());
    }

    /** Our own Contact: where phones and trunks reach the server. */
    ContactHeader contact() {
        try {
            SipURI uri = sip.addresses.createSipURI("switchboard", sip.settings().host());
            uri.setPort(sip.settings().port());
            return sip.headers.createContactHeader(sip.addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("our own address is valid", e);
        }
    }

    static String newTag() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The user part of a SIP URI ("4000" of sip:4000@host), or empty for other URIs. */
    static Optional<String> userOf(URI uri) {
        if (uri instanceof SipURI sipUri && sipUri.getUser() != null && !sipUri.getUser().isBlank()) {
            return Optional.of(sipUri.getUser());
        }
        return Optional.empty();
    }

    /** The address the request came from (without the port), empty when the stack does not say. */
    static Optional<InetAddress> sourceAddress(RequestEvent event) {
        if (event.getRequest() instanceof gov.nist.javax.sip.message.SIPRequest request
                && request.getRemoteAddress() != null) {
            return Optional.of(request.getRemoteAddress());
        }
        return Optional.empty();
    }

    static String source(RequestEvent event) {
        if (event.getRequest() instanceof gov.nist.javax.sip.message.SIPRequest request) {
            return request.getRemoteAddress().getHostAddress() + ":" + request.getRemotePort();
        }
        return "?";
    }
}
