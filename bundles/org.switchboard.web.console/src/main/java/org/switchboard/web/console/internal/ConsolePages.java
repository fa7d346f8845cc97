package org.switchboard.web.console.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the console's pages, scripts, styles and Chart.js (all under {@code /web} in this bundle) at
 * {@code /console/*} through the OSGi HTTP Whiteboard. The whiteboard needs only a service carrying the resource
 * properties; the service object itself is never called.
 */
@Component(service = ConsolePages.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/*",
        "osgi.http.whiteboard.resource.prefix=/web" })
public class ConsolePages {
}
