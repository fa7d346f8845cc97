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

/**
 * One queue, from one factory configuration {@code etc/org.switchboard.acd.queue-NAME.cfg}. A change with a
 * bad value is logged with its key and reason, and the queue keeps its previous settings.
 */
@Component(configurationPid = QueueSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = QueueConfiguration.Config.class, factory = true)
public class QueueConfiguration extends ConfiguredDefinition<QueueSettings> {
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

        @AttributeDefinition(required = false, description = "IVR flow that surveys the caller after an answered "
                + "call (empty: no survey)")
        String surveyFlow() default "";
    }

    private final AcdDefinitions definitions;

    @Activate
    public QueueConfiguration(@Reference AcdDefinitions definitions, Map<String, Object> properties) {
        super("queue");
        this.definitions = definitions;
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        withdraw();
    }

    @Override
    QueueSettings parse(Map<String, Object> properties) throws SettingsException {
        return QueueSettings.from(properties);
    }

    @Override
    String nameOf(QueueSettings settings) {
        return settings.name();
    }

    @Override
    void define(QueueSettings settings) throws SettingsException {
        definitions.defineQueue(settings);
    }

    @Override
    void remove(String name) {
        definitions.removeQueue(name);
    }
}
