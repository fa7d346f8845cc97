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

/**
 * One agent, from one factory configuration {@code etc/org.switchboard.acd.agent-ID.cfg}. A change with a bad
 * value is logged with its key and reason, and the agent keeps its previous settings.
 */
@Component(configurationPid = AgentSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = AgentConfiguration.Config.class, factory = true)
public class AgentConfiguration extends ConfiguredDefinition<AgentSettings> {
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

    /** DS's reason code for a deactivation because the configuration was deleted. */
    private static final int CONFIGURATION_DELETED = 4;

    private final AcdDefinitions definitions;
    private boolean configurationDeleted;

    @Activate
    public AgentConfiguration(@Reference AcdDefinitions definitions, Map<String, Object> properties) {
        super("agent");
        this.definitions = definitions;
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    /**
     * Withdraws the agent. Only a deleted configuration ends the agent's session; a bundle or server that stops
     * keeps it, so that the agent is logged in again when it starts.
     */
    @Deactivate
    void deactivate(int reason) {
        configurationDeleted = reason == CONFIGURATION_DELETED;
        withdraw();
    }

    @Override
    AgentSettings parse(Map<String, Object> properties) throws SettingsException {
        return AgentSettings.from(properties);
    }

    @Override
    String nameOf(AgentSettings settings) {
        return settings.id();
    }

    @Override
    void define(AgentSettings settings) {
        definitions.defineAgent(settings);
    }

    @Override
    void remove(String name) {
        definitions.removeAgent(name, configurationDeleted);
    }
}
