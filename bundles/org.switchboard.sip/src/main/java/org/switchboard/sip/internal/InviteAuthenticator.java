package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sip.RequestEvent;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.PhoneCredentials;

/**
 * Digest authentication of a new INVITE from outside the trunk sources (when authenticateOtherInvites is on): such
 * a caller must answer a 407 challenge with the credentials of an account the server knows (an agent's phone).
 * Answers are sent without keeping state; wrong credentials count against the source like a wrong REGISTER.
 */
final class InviteAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(InviteAuthenticator.class);

    private final DigestAuthenticator authenticator;
    private final Supplier<PhoneCredentials> credentials;
    private final LockoutTracker lockouts;
    private final SipEndpoint sip;
    private final SipReplies replies;

    InviteAuthenticator(DigestAuthenticator authenticator, Supplier<PhoneCredentials> credentials,
            LockoutTracker lockouts, SipEndpoint sip, SipReplies replies) {
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.lockouts = lockouts;
        this.sip = sip;
        this.replies = replies;
    }

    /** Whether the INVITE carries valid credentials; when not, it has been answered (407, 403 or 503). */
    boolean admits(RequestEvent event, String source) {
        Request request = event.getRequest();
        ProxyAuthorizationHeader authorization =
                (ProxyAuthorizationHeader) request.getHeader(ProxyAuthorizationHeader.NAME);
        if (authorization == null) {
            challenge(event, false, source);
            return false;
        }
        PhoneCredentials accounts = credentials.get();
        if (accounts == null) {
            replies.refuse(event, Response.SERVICE_UNAVAILABLE, 5);
            return false;
        }
        DigestAuthenticator.Credentials answer = DigestAuthenticator.Credentials.of(authorization);
        Optional<String> ha1 = accounts.digestHa1(answer.username(), authenticator.realm());
        switch (authenticator.verify(Request.INVITE, answer, ha1, source)) {
            case ACCEPTED -> {
                LOG.info("INVITE from {} authenticated as {}", SipReplies.source(event), answer.username());
                return true;
            }
            case STALE_NONCE -> challenge(event, true, source);
            case REJECTED -> {
                LOG.warn("INVITE from {} refused: wrong credentials", SipReplies.source(event));
                lockouts.recordFailure(source).ifPresent(lockout -> LOG.warn(
                        "source {} locked out until {} after {} failed authentications", lockout.source(),
                        lockout.until(), lockout.failures()));
                replies.refuse(event, Response.FORBIDDEN, 0);
            }
        }
        return false;
    }

    private void challenge(RequestEvent event, boolean stale, String source) {
        Response response = replies.response(Response.PROXY_AUTHENTICATION_REQUIRED, event.getRequest());
        try {
            response.addHeader(sip.headers.createHeader(ProxyAuthenticateHeader.NAME,
                    authenticator.challenge(stale, source)));
        } catch (ParseException e) {
            throw new IllegalStateException("our challenge is valid", e);
        }
        replies.answerWithoutState(event, response);
    }
}
