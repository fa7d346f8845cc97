package org.switchboard.sip.internal;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Optional;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small building blocks shared by the registrar and the back-to-back user agent. */
final class SipReplies {
    private static final Logger LOG = LoggerFactory.getLogger(SipReplies.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipEndpoint sip;

    SipReplies(SipEndpoint sip) {
        this.sip = sip;
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
            return Optional.empty();
        }
    }

    javax.sip.header.HeaderFactory headers() {
        return sip.headers;
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

    void send(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("could not send {} for {}: {}", response.getStatusCode(), transaction.getRequest().getMethod(),
                    e.getMessage());
        }
    }

    void send(ServerTransaction transaction, int status) {
        send(transaction, response(status, transaction.getRequest()));
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

    static String source(RequestEvent event) {
        if (event.getRequest() instanceof gov.nist.javax.sip.message.SIPRequest request) {
            return request.getRemoteAddress().getHostAddress() + ":" + request.getRemotePort();
        }
        return "?";
    }
}
