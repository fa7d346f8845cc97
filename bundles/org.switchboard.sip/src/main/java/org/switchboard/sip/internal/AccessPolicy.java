package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.util.function.LongSupplier;

/**
 * Decides whether a REGISTER or a new INVITE (one that starts a call) from a source address may go on, before
 * anything else looks at it. In this order:
 * <ol>
 * <li>a locked-out source is refused (403), whatever it sends;</li>
 * <li>an INVITE from outside {@code trunkSources} is refused (403); such refusals count against the source's
 * INVITE rate, so that a flood of them is dropped rather than answered;</li>
 * <li>a source over its REGISTER or INVITE rate is refused (503) or, far over it, dropped.</li>
 * </ol>
 * Requests inside a dialog (ACK, BYE, CANCEL, re-INVITE) never come here. Thread-safe; the settings can be
 * replaced while requests are checked.
 */
final class AccessPolicy {

    enum Decision {
        PROCEED,
        /** 403: the source failed to authenticate too often. */
        LOCKED_OUT,
        /** 403: INVITE from an address outside trunkSources. */
        NOT_A_TRUNK,
        /** 503 with Retry-After: the source sends faster than its rate. */
        TOO_FAST,
        /** No answer at all: the source floods. */
        DROP
    }

    /** Sources tracked per rate limiter at most; the least recently seen are forgotten beyond. */
    static final int MAX_TRACKED_SOURCES = 10_000;

    private record Limits(SourceFilter trunkSources, RateLimiter registers, RateLimiter invites) {
    }

    private final LockoutTracker lockouts;
    private final LongSupplier nanoTime;
    private volatile Limits limits;

    AccessPolicy(ProtectionSettings settings, LockoutTracker lockouts, LongSupplier nanoTime) {
        this.lockouts = lockouts;
        this.nanoTime = nanoTime;
        configure(settings);
    }

    /** New settings; a rate limiter whose rate did not change keeps what it knows of the sources. */
    synchronized void configure(ProtectionSettings settings) {
        Limits current = limits;
        RateLimiter registers = current != null
                && current.registers().perSecond() == settings.registersPerSecondPerSource() ? current.registers()
                        : new RateLimiter(settings.registersPerSecondPerSource(), MAX_TRACKED_SOURCES, nanoTime);
        RateLimiter invites = current != null
                && current.invites().perSecond() == settings.invitesPerSecondPerSource() ? current.invites()
                        : new RateLimiter(settings.invitesPerSecondPerSource(), MAX_TRACKED_SOURCES, nanoTime);
        limits = new Limits(settings.trunkSources(), registers, invites);
    }

    Decision register(InetAddress source) {
        String key = key(source);
        if (lockouts.isLockedOut(key)) {
            return Decision.LOCKED_OUT;
        }
        return byRate(limits.registers().acquire(key));
    }

    Decision newInvite(InetAddress source) {
        String key = key(source);
        if (lockouts.isLockedOut(key)) {
            return Decision.LOCKED_OUT;
        }
        Limits current = limits;
        RateLimiter.Verdict rate = current.invites().acquire(key);
        if (!current.trunkSources().allows(source)) {
            return rate == RateLimiter.Verdict.DROPPED ? Decision.DROP : Decision.NOT_A_TRUNK;
        }
        return byRate(rate);
    }

    /** How sources are named in lockouts, logs and rate limits: the address alone, without the port. */
    static String key(InetAddress source) {
        return source.getHostAddress();
    }

    private static Decision byRate(RateLimiter.Verdict verdict) {
        return switch (verdict) {
            case ALLOWED -> Decision.PROCEED;
            case REFUSED -> Decision.TOO_FAST;
            case DROPPED -> Decision.DROP;
        };
    }
}
