/**
 * What the SIP edge offers to other bundles (phone registrations, third-party call control and supervision) and
 * needs from them (phone credentials).
 */
@Version("1.3.0")
package org.switchboard.api.sip;

import org.osgi.annotation.versioning.Version;
