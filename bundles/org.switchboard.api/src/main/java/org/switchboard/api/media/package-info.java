/**
 * Media anchored in the server: an RTP endpoint per call leg, prompts and music played to it, DTMF heard from
 * it, two legs relayed to each other once a call is bridged, and the mix of several legs sent to one
 * (supervision, conference). The SIP edge opens the legs from the SDP it receives and sends the SDP they
 * describe.
 */
@Version("1.3.0")
package org.switchboard.api.media;

import org.osgi.annotation.versioning.Version;
