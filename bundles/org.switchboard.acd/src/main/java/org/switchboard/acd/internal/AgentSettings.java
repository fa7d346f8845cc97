package org.switchboard.acd.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An agent as its configuration defines it.
 *
 * @param id           the agent's id, used to log in
 * @param name         display name
 * @param phone        SIP user of the agent's phone
 * @param password     the phone's SIP digest password
 * @param skills       skills with levels 1-10
 * @param queueTiers   the queues the agent serves by default, each with the agent's tier (1 = first served)
 * @param maxNoAnswers offers the agent may leave unanswered in a row before being paused; the queue's when empty
 */
record AgentSettings(String id, String name, String phone, String password, Map<String, Integer> skills,
        Map<String, Integer> queueTiers, Optional<Integer> maxNoAnswers) {

    static final String PID = "org.switchboard.acd.agent";

    AgentSettings {
        skills = Map.copyOf(skills);
        queueTiers = new LinkedHashMap<>(queueTiers);
    }

    /** An agent with no skills and no default queues (for tests). */
    static AgentSettings of(String id, String name, String phone, String password) {
        return new AgentSettings(id, name, phone, password, Map.of(), Map.of(), Optional.empty());
    }

    AgentSettings withSkills(Map<String, Integer> newSkills) {
        return new AgentSettings(id, name, phone, password, newSkills, queueTiers, maxNoAnswers);
    }

    AgentSettings withQueueTiers(Map<String, Integer> tiers) {
        return new AgentSettings(id, name, phone, password, skills, tiers, maxNoAnswers);
    }

    /** The agent's tier in a queue: as configured, else 1. */
    int tierIn(String queue) {
        return queueTiers.getOrDefault(queue, 1);
    }

    static AgentSettings from(Map<String, ?> properties) throws SettingsException {
        ConfigValues values = new ConfigValues(properties);
        String id = values.name("id", null);
        String phone = values.optionalString("phone", id);
        if (!phone.matches("[A-Za-z0-9_.+-]+")) {
            throw new SettingsException("phone", "'" + phone + "' is not a valid SIP user");
        }
        String password = values.requiredString("password");
        if (password.length() < 4) {
            throw new SettingsException("password", "must have at least 4 characters");
        }
        Object maxNoAnswers = properties.get("maxNoAnswers");
        return new AgentSettings(id, values.optionalString("name", id), phone, password,
                values.levels("skills", 1, 1, 10), values.levels("queues", 1, 1, 99),
                maxNoAnswers == null || maxNoAnswers.toString().isBlank() ? Optional.empty()
                        : Optional.of(values.positiveInt("maxNoAnswers", 3)));
    }

    @Override
    public String toString() {
        return "AgentSettings[id=" + id + ", name=" + name + ", phone=" + phone + ", skills=" + skills
                + ", queues=" + queueTiers + "]";
    }
}
