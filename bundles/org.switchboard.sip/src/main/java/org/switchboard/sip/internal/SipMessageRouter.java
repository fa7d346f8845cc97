package org.switchboard.sip.internal;

import java.util.List;
import java.util.Optional;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives everything the SIP stack delivers and hands it to the registrar or the back-to-back user agent.
 * REGISTERs and INVITEs that start a call pass the {@link SourceGate} first; requests inside a call (ACK, BYE,
 * CANCEL, re-INVITE) are never limited. Nothing thrown while handling one message escapes to the stack: the
 * server goes on with the next one.
 */
final class SipMessageRouter implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipMessageRouter.class);
    private static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.REGISTER);

    private final SipEndpointHolder endpoint;
    /** A flood of requests that all fail the same way logs one stack trace an interval, not one each. */
    private final LogThrottle logThrottle;

    /** The parts that exist only while the stack runs; set once the stack has started. */
    interface SipEndpointHolder {
        Registrar registrar();

        CallBridge bridge();

        SipReplies replies();

        SourceGate gate();

        SipCounters counters();
    }

    SipMessageRouter(SipEndpointHolder endpoint, LogThrottle logThrottle) {
        this.endpoint = endpoint;
        this.logThrottle = logThrottle;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        endpoint.counters().received(request.getMethod());
        try {
            Optional<Response> refusal = new RequestScreening(endpoint.replies()).refusal(request);
            if (refusal.isPresent()) {
                endpoint.replies().answerWithoutState(event, refusal.get());
                return;
            }
            switch (request.getMethod()) {
                case Request.REGISTER -> {
                    if (endpoint.gate().admitsRegister(event)) {
                        endpoint.registrar().register(event);
                    }
                }
                case Request.INVITE -> {
                    if (!CallBridge.startsCall(request) || endpoint.gate().admitsNewCall(event)) {
                        endpoint.bridge().invite(event);
                    }
                }
                case Request.CANCEL -> endpoint.bridge().cancel(event);
                case Request.BYE -> endpoint.bridge().bye(event);
                case Request.ACK -> endpoint.bridge().ack(event);
                case Request.OPTIONS -> answer(event, Response.OK);
                default -> answer(event, Response.METHOD_NOT_ALLOWED);
            }
        } catch (RuntimeException e) {
            long suppressed = logThrottle.permit("request failed");
            if (suppressed != LogThrottle.SUPPRESSED) {
                LOG.error("{} from {} could not be handled{}", request.getMethod(), SipReplies.source(event),
                        logThrottle.leftOut(suppressed), e);
            }
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

    /** OPTIONS and methods we do not take: answered without keeping state, so that a flood costs no memory. */
    private void answer(RequestEvent event, int status) {
        Response response = endpoint.replies().response(status, event.getRequest());
        try {
            // one Allow header per method: the factory refuses a comma-separated list in one header
            for (String method : ALLOWED) {
                response.addHeader(endpointHeaders().createAllowHeader(method));
            }
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("our methods are valid", e);
        }
        endpoint.replies().answerWithoutState(event, response);
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
