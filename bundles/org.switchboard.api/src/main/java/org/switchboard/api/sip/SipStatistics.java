package org.switchboard.api.sip;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** What the SIP edge has received and answered since it started, for monitoring (counters only grow). */
@ProviderType
public interface SipStatistics {

    /** Requests received, by method (INVITE, REGISTER, ...; unknown methods as they came). */
    Map<String, Long> requestsReceived();

    /** Final and provisional responses sent, by status code. */
    Map<Integer, Long> responsesSent();
}
