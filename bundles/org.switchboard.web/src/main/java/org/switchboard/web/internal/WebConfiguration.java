package org.switchboard.web.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web API's current settings. A change with a bad value is logged with its key and reason and the previous
 * settings (all of them) stay in force.
 */
@Component(service = WebConfiguration.class, configurationPid = WebSettings.PID)
@Designate(ocd = WebConfiguration.Config.class)
public class WebConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(WebConfiguration.class);

    @ObjectClassDefinition(name = "Switchboard web API", description = "REST API, live events and metrics")
    @interface Config {
        @AttributeDefinition(description = "Minutes a console session lives without being used (1-10080)")
        int sessionMinutes() default 480;

        @AttributeDefinition(description = "Wrap-up codes agents choose from after a call, comma-separated")
        String[] dispositionCodes() default { "resolved", "follow-up", "complaint", "sale", "wrong-number" };

        @AttributeDefinition(description = "Whether /metrics answers without a login to clients on this machine "
                + "(127.0.0.1, ::1); others need an admin login")
        boolean metricsAnonymousFromLoopback() default true;

        @AttributeDefinition(description = "Live events kept for a client not reading them yet; a client further "
                + "behind is disconnected (10-100000)")
        int eventQueueSize() default 256;

        @AttributeDefinition(description = "Event streams open at once, at most (1-100000)")
        int maxEventClients() default 500;
    }

    private volatile WebSettings current = WebSettings.DEFAULTS;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        try {
            current = WebSettings.from(properties);
        } catch (WebSettings.Problem e) {
            LOG.error("configuration {} rejected, {}: the previous settings stay", WebSettings.PID, e.getMessage());
        }
    }

    public WebSettings current() {
        return current;
    }
}
