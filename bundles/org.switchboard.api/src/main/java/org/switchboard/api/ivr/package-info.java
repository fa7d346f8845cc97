/**
 * Call flows (IVR): what a caller to a service number hears and presses before reaching a queue, and the
 * survey after the agent hangs up. The SIP edge hands each call to {@link org.switchboard.api.ivr.CallFlows}
 * as an {@link org.switchboard.api.ivr.IvrCall}, which the flow drives.
 */
@Version("1.1.0")
package org.switchboard.api.ivr;

import org.osgi.annotation.versioning.Version;
