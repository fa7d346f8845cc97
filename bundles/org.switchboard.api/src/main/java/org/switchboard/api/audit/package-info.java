/**
 * The audit log: who did what, and when, among operators and administrators.
 */
@Version("1.0.0")
package org.switchboard.api.audit;

import org.osgi.annotation.versioning.Version;
