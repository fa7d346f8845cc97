package org.switchboard.acd.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue or agent defined by one factory configuration. Each change is validated first: a good one replaces
 * the definition, a bad one is logged with its key and reason and the previous definition stays in force.
 *
 * @param <S> the validated settings
 */
abstract class ConfiguredDefinition<S> {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDefinition.class);

    private final String kind;
    private S current;

    ConfiguredDefinition(String kind) {
        this.kind = kind;
    }

    /** Reads and checks the configuration. */
    abstract S parse(Map<String, Object> properties) throws SettingsException;

    /** The name the distributor knows the definition by. */
    abstract String nameOf(S settings);

    abstract void define(S settings) throws SettingsException;

    abstract void remove(String name);

    final void apply(Map<String, Object> properties) {
        try {
            S next = parse(properties);
            define(next);
            if (current != null && !nameOf(current).equals(nameOf(next))) {
                remove(nameOf(current));
            }
            current = next;
            LOG.info("{} {} defined: {}", kind, nameOf(next), next);
        } catch (SettingsException e) {
            LOG.error("configuration {} rejected, {}: {}", properties.get("service.pid"), e.getMessage(),
                    current == null ? "the " + kind + " is not defined"
                            : kind + " " + nameOf(current) + " keeps its previous settings");
        }
    }

    final void withdraw() {
        if (current != null) {
            remove(nameOf(current));
        }
    }
}
