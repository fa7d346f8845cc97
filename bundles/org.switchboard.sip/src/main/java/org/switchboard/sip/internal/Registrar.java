package org.switchboard.sip.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.PhoneCredentials;
import org.switchboard.api.sip.PhoneRegistration;

/**
 * Answers REGISTER: challenges with digest authentication, checks the answer against the phone's credentials
 * and keeps the binding. A wrong user and a wrong password get the same 403, so that the answer does not tell
 * whether an extension exists. Each rejected answer counts as a failed authentication of the source address;
 * {@link LockoutTracker} locks out a source that fails too often (locked-out sources never get here).
 */
final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final int DEFAULT_EXPIRES = 3600;

    private final SipReplies replies;
    private final SipEndpoint sip;
    private final DigestAuthenticator authenticator;
    private final RegistrationTable table;
    private final Supplier<PhoneCredentials> credentials;
    private final Consumer<PhoneRegistration> onRegistered;
    private final Consumer<String> onUnregistered;
    private final LockoutTracker lockouts;
    private final IntSupplier retryAfterSeconds;
    private final Clock clock;

    Registrar(SipEndpoint sip, SipReplies replies, DigestAuthenticator authenticator, RegistrationTable table,
            Supplier<PhoneCredentials> credentials, Consumer<PhoneRegistration> onRegistered,
            Consumer<String> onUnregistered, LockoutTracker lockouts, IntSupplier retryAfterSeconds, Clock clock) {
        this.sip = sip;
        this.replies = replies;
        this.authenticator = authenticator;
        this.table = table;
        this.credentials = credentials;
        this.onRegistered = onRegistered;
        this.onUnregistered = onUnregistered;
        this.lockouts = lockouts;
        this.retryAfterSeconds = retryAfterSeconds;
        this.clock = clock;
    }

    void register(RequestEvent event) {
        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return;
        }
        ServerTransaction st = transaction.get();
        Request request = event.getRequest();
        Optional<String> user = SipReplies.userOf(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        if (user.isEmpty()) {
            replies.send(st, Response.BAD_REQUEST);
            return;
        }
        String source = SipReplies.sourceAddress(event).map(AccessPolicy::key).orElse("?");
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (authorization == null) {
            challenge(st, false, source);
            return;
        }
        PhoneCredentials accounts = credentials.get();
        if (accounts == null) {
            // nobody can be checked now: not the phone's fault, so neither a 403 nor a failure of its source
            LOG.warn("REGISTER for {} from {} answered 503: no phone credentials are available", user.get(),
                    SipReplies.source(event));
            Response busy = replies.response(Response.SERVICE_UNAVAILABLE, request);
            try {
                busy.setHeader(sip.headers.createRetryAfterHeader(retryAfterSeconds.getAsInt()));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException("a positive number of seconds is valid", e);
            }
            replies.send(st, busy);
            return;
        }
        DigestAuthenticator.Credentials answer = DigestAuthenticator.Credentials.of(authorization);
        Optional<String> ha1 = !user.get().equals(answer.username()) ? Optional.empty()
                : accounts.digestHa1(answer.username(), authenticator.realm());
        switch (authenticator.verify(Request.REGISTER, answer, ha1, source)) {
            case STALE_NONCE -> challenge(st, true, source);
            case REJECTED -> {
                LOG.warn("REGISTER for {} from {} refused: wrong credentials", user.get(), SipReplies.source(event));
                // counted before the answer goes out, so that the source's next request already meets the lockout
                lockouts.recordFailure(source).ifPresent(lockout -> LOG.warn(
                        "source {} locked out until {} after {} failed authentications within {} min: its REGISTERs "
                                + "and INVITEs get 403 (callcenter:lockout-clear {} lifts it)",
                        lockout.source(), lockout.until(), lockout.failures(), lockouts.windowMinutes(),
                        lockout.source()));
                replies.send(st, Response.FORBIDDEN);
            }
            case ACCEPTED -> bind(st, request, user.get(), event);
        }
    }

    private void bind(ServerTransaction st, Request request, String user, RequestEvent event) {
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null) {
            // a query: answer with the current binding
            Response response = replies.response(Response.OK, request);
            table.find(user).ifPresent(r -> response.addHeader(contactFor(r)));
            replies.send(st, response);
            return;
        }
        int expires = requestedExpiry(request, contact);
        Response response = replies.response(Response.OK, request);
        if (expires == 0) {
            if (table.unbind(user)) {
                LOG.info("phone {} unregistered", user);
                onUnregistered.accept(user);
            }
        } else {
            PhoneRegistration registration = new PhoneRegistration(user, contact.getAddress().getURI().toString(),
                    Instant.now(clock).plusSeconds(expires));
            table.bind(registration);
            response.addHeader(contactFor(registration));
            LOG.info("phone {} registered at {} for {} s (from {})", user, registration.contact(), expires,
                    SipReplies.source(event));
            onRegistered.accept(registration);
        }
        replies.send(st, response);
    }

    private int requestedExpiry(Request request, ContactHeader contact) {
        int expires = contact.getExpires();
        if (expires < 0) {
            ExpiresHeader header = request.getExpires();
            expires = header == null ? DEFAULT_EXPIRES : header.getExpires();
        }
        if (contact.isWildCard()) {
            return 0;
        }
        return Math.min(expires, sip.settings().maxRegistrationSeconds());
    }

    private ContactHeader contactFor(PhoneRegistration registration) {
        try {
            ContactHeader header = sip.headers.createContactHeader(
                    sip.addresses.createAddress(registration.contact()));
            header.setExpires((int) Math.max(0, registration.expiresAt().getEpochSecond()
                    - Instant.now(clock).getEpochSecond()));
            return header;
        } catch (java.text.ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("a contact we accepted is valid", e);
        }
    }

    private void challenge(ServerTransaction st, boolean stale, String source) {
        Response response = replies.response(Response.UNAUTHORIZED, st.getRequest());
        try {
            WWWAuthenticateHeader header = (WWWAuthenticateHeader) sip.headers.createHeader(
                    WWWAuthenticateHeader.NAME, authenticator.challenge(stale, source));
            response.addHeader(header);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("our challenge is valid", e);
        }
        replies.send(st, response);
    }
}
