package org.switchboard.sip.internal;

import java.util.Map;

/**
 * How the SIP edge protects itself, from {@code etc/org.switchboard.sip.cfg}. Unlike the listening address,
 * these apply while the stack runs: changing them never restarts the stack or ends a call.
 *
 * @param trunkSources                 where new calls (INVITE) may come from
 * @param maxConcurrentCalls           calls in progress at most; more get 503
 * @param maxCallsPerSecond            new calls a second at most (burst of the same size); more get 503
 * @param retryAfterSeconds            Retry-After of every 503 the protection sends
 * @param registersPerSecondPerSource  REGISTERs a second from one address (burst of the same size)
 * @param invitesPerSecondPerSource    new INVITEs a second from one address (burst of the same size)
 * @param lockoutFailures              failed authentications within {@code lockoutMinutes} that lock a source out
 * @param lockoutMinutes               how long failures count, and how long a lockout lasts
 * @param authenticateOtherInvites     whether an INVITE from outside trunkSources is challenged for digest
 *                                     credentials (407) instead of refused (403)
 */
record ProtectionSettings(SourceFilter trunkSources, int maxConcurrentCalls, int maxCallsPerSecond,
        int retryAfterSeconds, int registersPerSecondPerSource, int invitesPerSecondPerSource, int lockoutFailures,
        int lockoutMinutes, boolean authenticateOtherInvites) {

    static final String DEFAULT_TRUNK_SOURCES = "127.0.0.0/8, ::1";

    /** The settings when the configuration has none of the keys. */
    static final ProtectionSettings DEFAULTS = from(Map.of());

    /** Reads and checks the configuration; the message of the exception names the key and the reason. */
    static ProtectionSettings from(Map<String, ?> properties) {
        String sources = SipSettings.string(properties, "trunkSources", DEFAULT_TRUNK_SOURCES);
        SourceFilter trunkSources;
        try {
            trunkSources = SourceFilter.parse(sources);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trunkSources: " + e.getMessage());
        }
        return new ProtectionSettings(trunkSources,
                SipSettings.number(properties, "maxConcurrentCalls", 200, 1, 100_000),
                SipSettings.number(properties, "maxCallsPerSecond", 50, 1, 10_000),
                SipSettings.number(properties, "retryAfterSeconds", 5, 1, 3600),
                SipSettings.number(properties, "registersPerSecondPerSource", 20, 1, 10_000),
                SipSettings.number(properties, "invitesPerSecondPerSource", 20, 1, 10_000),
                SipSettings.number(properties, "lockoutFailures", 5, 1, 100),
                SipSettings.number(properties, "lockoutMinutes", 10, 1, 1440),
                yesOrNo(properties, "authenticateOtherInvites", false));
    }

    private static boolean yesOrNo(Map<String, ?> properties, String key, boolean fallback) {
        String text = SipSettings.string(properties, key, Boolean.toString(fallback));
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + text + "' is neither true nor false");
        };
    }
}
