package org.switchboard.acd.internal;

import java.util.Map;

/**
 * An agent as its configuration defines it.
 *
 * @param id       the agent's id, used to log in
 * @param name     display name
 * @param phone    SIP user of the agent's phone
 * @param password the phone's SIP digest password
 */
record AgentSettings(String id, String name, String phone, String password) {

    static final String PID = "org.switchboard.acd.agent";

    static AgentSettings from(Map<String, ?> properties) throws SettingsException {
        ConfigValues values = new ConfigValues(properties);
        String id = values.requiredString("id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new SettingsException("id", "'" + id + "' may only use letters, digits, '.', '_' and '-'");
        }
        String phone = values.optionalString("phone", id);
        if (!phone.matches("[A-Za-z0-9_.+-]+")) {
            throw new SettingsException("phone", "'" + phone + "' is not a valid SIP user");
        }
        String password = values.requiredString("password");
        if (password.length() < 4) {
            throw new SettingsException("password", "must have at least 4 characters");
        }
        return new AgentSettings(id, values.optionalString("name", id), phone, password);
    }

    @Override
    public String toString() {
        return "AgentSettings[id=" + id + ", name=" + name + ", phone=" + phone + "]";
    }
}
