/**
 * The automatic call distributor as seen by the other bundles: queues, agents and their states, and the
 * contract between the SIP edge (which owns the caller's leg) and the distributor (which chooses the agent).
 */
@Version("1.2.0")
package org.switchboard.api.acd;

import org.osgi.annotation.versioning.Version;
