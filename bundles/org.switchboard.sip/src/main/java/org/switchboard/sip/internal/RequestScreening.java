package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.sip.address.SipURI;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Refuses requests the server cannot take before anything else looks at them (RFC 3261 8.2.2): a Request-URI
 * that is not a SIP URI (416), a Require header naming an extension (420, none is supported), and a body
 * shorter than its Content-Length, which a stream cut short delivers (400).
 */
final class RequestScreening {
    private final SipReplies replies;

    RequestScreening(SipReplies replies) {
        this.replies = replies;
    }

    /** The response refusing the request, or empty when it may go on. Never for ACK or CANCEL. */
    Optional<Response> refusal(Request request) {
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            return Optional.empty();
        }
        if (!(request.getRequestURI() instanceof SipURI)) {
            return Optional.of(replies.response(Response.UNSUPPORTED_URI_SCHEME, request));
        }
        List<String> required = requiredExtensions(request);
        if (!required.isEmpty()) {
            Response response = replies.response(Response.BAD_EXTENSION, request);
            try {
                for (String extension : required) {
                    response.addHeader(replies.headers().createUnsupportedHeader(extension));
                }
            } catch (ParseException e) {
                throw new IllegalArgumentException("option tag " + required + " not usable", e);
            }
            return Optional.of(response);
        }
        ContentLengthHeader length = request.getContentLength();
        byte[] body = request.getRawContent();
        int received = body == null ? 0 : body.length;
        if (length != null && length.getContentLength() > received) {
            Response response = replies.response(Response.BAD_REQUEST, request);
            try {
                response.setReasonPhrase("Body Shorter Than Content-Length");
            } catch (ParseException e) {
                throw new IllegalStateException("the phrase is valid", e);
            }
            return Optional.of(response);
        }
        return Optional.empty();
    }

    private static List<String> requiredExtensions(Request request) {
        List<String> tags = new ArrayList<>();
        Iterator<?> headers = request.getHeaders(RequireHeader.NAME);
        while (headers != null && headers.hasNext()) {
            tags.add(((RequireHeader) headers.next()).getOptionTag());
        }
        return tags;
    }
}
