package org.switchboard.api.sip;

import java.time.Instant;

/**
 * A source address the SIP edge refuses for a while, after too many failed authentications.
 *
 * @param source   the IP address
 * @param failures failed authentications that led to the lockout
 * @param until    when the lockout ends on its own
 */
public record SourceLockout(String source, int failures, Instant until) {
}
