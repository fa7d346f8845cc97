package org.switchboard.sip.internal;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives everything the SIP stack delivers and hands it to the registrar or the back-to-back user agent.
 * Nothing thrown while handling one message escapes to the stack: the server goes on with the next one.
 */
final class SipMessageRouter implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipMessageRouter.class);
    private static final String ALLOWED = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER";

    private final SipEndpointHolder endpoint;

    /** The parts that exist only while the stack runs; set once the stack has started. */
    interface SipEndpointHolder {
        Registrar registrar();

        CallBridge bridge();

        SipReplies replies();
    }

    SipMessageRouter(SipEndpointHolder endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.REGISTER -> endpoint.registrar().register(event);
                case Request.INVITE -> endpoint.bridge().invite(event);
                case Request.CANCEL -> endpoint.bridge().cancel(event);
                case Request.BYE -> endpoint.bridge().bye(event);
                case Request.ACK -> { } // the dialog layer absorbs ACKs; nothing to relay
                case Request.OPTIONS -> answer(event, Response.OK);
                default -> answer(event, Response.METHOD_NOT_ALLOWED);
            }
        } catch (RuntimeException e) {
            LOG.error("{} from {} could not be handled", request.getMethod(), SipReplies.source(event), e);
            if (!Request.ACK.equals(request.getMethod())) {
                try {
                    endpoint.replies().serverTransaction(event)
                            .ifPresent(st -> endpoint.replies().send(st, Response.SERVER_INTERNAL_ERROR));
                } catch (RuntimeException stillFailing) {
                    LOG.debug("no 500 sent either: {}", stillFailing.getMessage());
                }
            }
        }
    }

    private void answer(RequestEvent event, int status) {
        endpoint.replies().serverTransaction(event).ifPresent((ServerTransaction st) -> {
            Response response = endpoint.replies().response(status, event.getRequest());
            try {
                response.addHeader((AllowHeader) endpointHeaders().createHeader(AllowHeader.NAME, ALLOWED));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
            endpoint.replies().send(st, response);
        });
    }

    private javax.sip.header.HeaderFactory endpointHeaders() {
        return endpoint.replies().headers();
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            endpoint.bridge().response(event);
        } catch (RuntimeException e) {
            LOG.error("response {} could not be handled", event.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            endpoint.bridge().timeout(event);
        } catch (RuntimeException e) {
            LOG.error("transaction timeout could not be handled", e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.warn("SIP transport error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions end on their own; calls are tracked by dialog
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls end on BYE, CANCEL or failure, not on dialog clean-up
    }
}
