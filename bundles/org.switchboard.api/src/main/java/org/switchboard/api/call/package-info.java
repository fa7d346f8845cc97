/**
 * The call model: call detail records, their states and dispositions, and the store that keeps them.
 */
@Version("1.3.0")
package org.switchboard.api.call;

import org.osgi.annotation.versioning.Version;
