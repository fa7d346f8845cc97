/**
 * What the SIP edge offers to other bundles (phone registrations) and needs from them (phone credentials).
 */
@Version("1.1.0")
package org.switchboard.api.sip;

import org.osgi.annotation.versioning.Version;
