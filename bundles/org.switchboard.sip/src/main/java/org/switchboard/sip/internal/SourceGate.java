package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import javax.sip.RequestEvent;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of the SIP edge for requests that start something (REGISTER, an INVITE that starts a call): asks the
 * {@link AccessPolicy} and answers the refused ones without keeping state (403, or 503 with Retry-After), or
 * not at all when the source floods. Refusals are logged with their source, at most one line per kind an
 * interval of the {@link LogThrottle}, saying how many were not logged.
 */
final class SourceGate {
    private static final Logger LOG = LoggerFactory.getLogger(SourceGate.class);

    private final AccessPolicy policy;
    private final SipReplies replies;
    private final IntSupplier retryAfterSeconds;
    private final LogThrottle logThrottle;
    private final InviteAuthenticator inviteAuthenticator;
    private final BooleanSupplier authenticateOtherInvites;

    SourceGate(AccessPolicy policy, SipReplies replies, IntSupplier retryAfterSeconds, LogThrottle logThrottle,
            InviteAuthenticator inviteAuthenticator, BooleanSupplier authenticateOtherInvites) {
        this.policy = policy;
        this.replies = replies;
        this.retryAfterSeconds = retryAfterSeconds;
        this.logThrottle = logThrottle;
        this.inviteAuthenticator = inviteAuthenticator;
        this.authenticateOtherInvites = authenticateOtherInvites;
    }

    /** Whether the REGISTER may go on to the registrar; when not, it has been answered (or dropped). */
    boolean admitsRegister(RequestEvent event) {
        Optional<InetAddress> source = SipReplies.sourceAddress(event);
        if (source.isEmpty()) {
            return true;
        }
        return handle(event, policy.register(source.get()));
    }

    /** Whether the INVITE that starts a call may go on to the bridge; when not, it has been answered. */
    boolean admitsNewCall(RequestEvent event) {
        Optional<InetAddress> source = SipReplies.sourceAddress(event);
        if (source.isEmpty()) {
            replies.refuse(event, Response.FORBIDDEN, 0);
            return false;
        }
        AccessPolicy.Decision decision = policy.newInvite(source.get());
        if (decision == AccessPolicy.Decision.NOT_A_TRUNK && authenticateOtherInvites.getAsBoolean()) {
            return inviteAuthenticator.admits(event, AccessPolicy.key(source.get()));
        }
        return handle(event, decision);
    }

    private boolean handle(RequestEvent event, AccessPolicy.Decision decision) {
        String what = event.getRequest().getMethod() + " from " + SipReplies.source(event);
        switch (decision) {
            case PROCEED -> {
                return true;
            }
            case LOCKED_OUT -> {
                log(decision, what, "refused with 403: the source is locked out after failed authentications");
                replies.refuse(event, Response.FORBIDDEN, 0);
            }
            case NOT_A_TRUNK -> {
                log(decision, what, "refused with 403: the source is not in trunkSources");
                replies.refuse(event, Response.FORBIDDEN, 0);
            }
            case TOO_FAST -> {
                log(decision, what, "refused with 503: the source is over its rate");
                replies.refuse(event, Response.SERVICE_UNAVAILABLE, retryAfterSeconds.getAsInt());
            }
            case DROP -> log(decision, what, "dropped unanswered: the source floods, far over its rate");
        }
        return false;
    }

    private void log(AccessPolicy.Decision kind, String what, String outcome) {
        long suppressed = logThrottle.permit(kind.name());
        if (suppressed != LogThrottle.SUPPRESSED) {
            LOG.warn("{} {}{}", what, outcome, logThrottle.leftOut(suppressed));
        }
    }
}
