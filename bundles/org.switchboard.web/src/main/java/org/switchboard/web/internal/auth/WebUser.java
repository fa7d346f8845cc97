package org.switchboard.web.internal.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A logged-in user of the console.
 *
 * @param username the JAAS user name; an agent's user name is the agent's id
 * @param roles    the console roles the user has (at least one)
 */
public record WebUser(String username, Set<Role> roles) {

    public WebUser {
        Objects.requireNonNull(username, "username");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Supervisors and admins see and act on every agent and call. */
    public boolean seesEverything() {
        return has(Role.SUPERVISOR) || has(Role.ADMIN);
    }

    /** The agent the user is, or {@code null} for a user who is not an agent. */
    public String agentId() {
        return has(Role.AGENT) ? username : null;
    }

    /** Whether the user may see and act for this agent: themselves, or anyone for supervisors and admins. */
    public boolean mayActFor(String agentId) {
        return seesEverything() || username.equals(agentId) && has(Role.AGENT);
    }

    public List<String> roleLabels() {
        return EnumSet.copyOf(roles).stream().map(Role::label).toList();
    }
}
