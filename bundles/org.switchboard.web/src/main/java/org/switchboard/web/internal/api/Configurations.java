package org.switchboard.web.internal.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.web.internal.http.ApiException;

/**
 * Reads and changes the server's configurations through Config Admin, so that the etc/ files (written back by
 * Karaf) and the console always agree. Keys Config Admin and Karaf manage themselves are hidden and kept.
 */
final class Configurations {
    static final String QUEUE_FACTORY = "org.switchboard.acd.queue";
    static final String AGENT_FACTORY = "org.switchboard.acd.agent";
    static final String ACD = "org.switchboard.acd";
    static final String SIP = "org.switchboard.sip";

    private final Backends backends;

    Configurations(Backends backends) {
        this.backends = backends;
    }

    /** The factory configuration whose {@code key} is {@code value}, e.g. the queue named support. */
    Optional<Configuration> factoryConfiguration(String factoryPid, String key, String value) {
        if (!value.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try {
            Configuration[] found = backends.configAdmin().listConfigurations(
                    "(&(service.factoryPid=" + factoryPid + ")(" + key + "=" + value + "))");
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (IOException | InvalidSyntaxException e) {
            throw new ApiException(500, "cannot read the configurations: " + e.getMessage());
        }
    }

    Configuration single(String pid) {
        try {
            return backends.configAdmin().getConfiguration(pid, "?");
        } catch (IOException e) {
            throw new ApiException(500, "cannot read configuration " + pid + ": " + e.getMessage());
        }
    }

    /** The operator's keys and values, as text, sorted by key. */
    static Map<String, String> values(Configuration configuration) {
        Map<String, String> values = new TreeMap<>();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            return values;
        }
        for (String key : Collections.list(properties.keys())) {
            if (!isManaged(key)) {
                Object value = properties.get(key);
                values.put(key, value instanceof Object[] array ? String.join(", ",
                        Arrays.stream(array).map(String::valueOf).toList()) : String.valueOf(value));
            }
        }
        return values;
    }

    /** Writes the changed keys in one update; the others stay as they are. */
    static void update(Configuration configuration, Map<String, String> changes) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Dictionary<String, Object> updated = properties == null ? new Hashtable<>() : properties;
        changes.forEach(updated::put);
        try {
            configuration.updateIfDifferent(updated);
        } catch (IOException e) {
            throw new ApiException(500, "cannot write configuration " + configuration.getPid() + ": "
                    + e.getMessage());
        }
    }

    /** Queue names from an agent's {@code queues} value, e.g. {@code support:1, sales:2}. */
    static Set<String> queueNames(String tiers) {
        Set<String> names = new LinkedHashSet<>();
        if (tiers != null) {
            for (String item : tiers.split(",")) {
                String name = item.split(":", 2)[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The queues an agent serves by configuration, from its etc/ file. */
    Set<String> configuredQueues(String agentId) {
        return backends.configurations().isEmpty() ? Set.of()
                : factoryConfiguration(AGENT_FACTORY, "id", agentId).map(c -> queueNames(values(c).get("queues")))
                        .orElse(Set.of());
    }

    private static boolean isManaged(String key) {
        return key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.")
                || List.of(ConfigurationAdmin.SERVICE_FACTORYPID, "service.bundleLocation").contains(key);
    }
}
