package org.switchboard.acd.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue, from one factory configuration {@code etc/org.switchboard.acd.queue-NAME.cfg}. A change with a
 * bad value is logged with its key and reason, and the queue keeps its previous settings.
 */
@Component(configurationPid = QueueSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = QueueConfiguration.Config.class, factory = true)
public class QueueConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConfiguration.class);

    @ObjectClassDefinition(name = "Switchboard queue", description = "A queue (skill group) callers wait in")
    @interface Config {
        @AttributeDefinition(description = "Name agents log in to")
        String name();

        @AttributeDefinition(description = "Service numbers (DNIS) that lead into this queue, comma-separated")
        String[] numbers();

        @AttributeDefinition(description = "Seconds a caller waits before the call is released as no-agent")
        int maxWaitSeconds() default 120;

        @AttributeDefinition(description = "Seconds an agent's phone rings before the call goes back to the queue")
        int ringTimeoutSeconds() default 20;

        @AttributeDefinition(description = "Offers an agent may leave unanswered in a row before being paused")
        int maxNoAnswers() default 3;
    }

    private final AcdDefinitions definitions;
    private QueueSettings current;

    @Activate
    public QueueConfiguration(@Reference AcdDefinitions definitions, Map<String, Object> properties) {
        this.definitions = definitions;
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        if (current != null) {
            definitions.removeQueue(current.name());
        }
    }

    private void apply(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        try {
            QueueSettings next = QueueSettings.from(properties);
            definitions.defineQueue(next);
            if (current != null && !current.name().equals(next.name())) {
                definitions.removeQueue(current.name());
            }
            current = next;
            LOG.info("queue {} serves numbers {}", next.name(), next.numbers());
        } catch (SettingsException e) {
            LOG.error("configuration {} rejected, {}: {}", pid, e.getMessage(),
                    current == null ? "the queue is not defined" : "queue " + current.name()
                            + " keeps its previous settings");
        }
    }
}
