/**
 * Builders of {@link org.switchboard.routing.api.RoutingRequest}s and candidate agents for unit tests of
 * routing strategies: a test dependency, never needed at run time.
 */
@Version("1.0.0")
package org.switchboard.routing.testing;

import org.osgi.annotation.versioning.Version;
