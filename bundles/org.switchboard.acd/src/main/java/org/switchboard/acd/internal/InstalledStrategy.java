package org.switchboard.acd.internal;

import org.switchboard.routing.api.RoutingStrategy;

/**
 * A routing strategy service and where it comes from.
 *
 * @param name    the name queues select it by
 * @param bundle  symbolic name of the providing bundle
 * @param version version of the providing bundle
 * @param service the strategy
 * @param inline  whether it declared itself fast enough to run on the decision thread
 */
record InstalledStrategy(String name, String bundle, String version, RoutingStrategy service, boolean inline) {
}
