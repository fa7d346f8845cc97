/**
 * The routing-strategy SPI. A strategy is an OSGi service implementing {@link RoutingStrategy}, registered with
 * the service property {@link RoutingStrategy#NAME_PROPERTY}; a queue names the strategy it uses. The
 * distributor gives the strategy an immutable {@link RoutingRequest} (the call and the agents who could take
 * it) and gets back a {@link RoutingDecision}: the agents ranked best first and the reason, in words.
 * <p>
 * Strategies are built against this package alone; its version follows semantic versioning.
 */
@Version("1.0.0")
package org.switchboard.routing.api;

import org.osgi.annotation.versioning.Version;
