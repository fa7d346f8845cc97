package org.switchboard.acd.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent, from one factory configuration {@code etc/org.switchboard.acd.agent-ID.cfg}. A change with a bad
 * value is logged with its key and reason, and the agent keeps its previous settings.
 */
@Component(configurationPid = AgentSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = AgentConfiguration.Config.class, factory = true)
public class AgentConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AgentConfiguration.class);

    @ObjectClassDefinition(name = "Switchboard agent", description = "An agent and the SIP phone they use")
    @interface Config {
        @AttributeDefinition(description = "Agent id, used to log in")
        String id();

        @AttributeDefinition(description = "Display name")
        String name();

        @AttributeDefinition(description = "SIP user of the agent's phone; defaults to the id")
        String phone();

        @AttributeDefinition(description = "SIP digest password of the agent's phone", type = AttributeType.PASSWORD)
        String password();
    }

    private final AcdDefinitions definitions;
    private AgentSettings current;

    @Activate
    public AgentConfiguration(@Reference AcdDefinitions definitions, Map<String, Object> properties) {
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
            definitions.removeAgent(current.id());
        }
    }

    private void apply(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        try {
            AgentSettings next = AgentSettings.from(properties);
            if (current != null && !current.id().equals(next.id())) {
                definitions.removeAgent(current.id());
            }
            definitions.defineAgent(next);
            current = next;
            LOG.info("agent {} ({}) uses phone {}", next.id(), next.name(), next.phone());
        } catch (SettingsException e) {
            LOG.error("configuration {} rejected, {}: {}", pid, e.getMessage(),
                    current == null ? "the agent is not defined" : "agent " + current.id()
                            + " keeps its previous settings");
        }
    }
}
