package org.switchboard.web.internal.auth;

import java.util.Locale;
import java.util.Optional;

/** What a console user may do; granted by the roles of Karaf's JAAS realm with the same names. */
public enum Role {
    /** Works their own calls and their own agent state. */
    AGENT,
    /** Sees every agent, queue and call; acts on agents and calls. */
    SUPERVISOR,
    /** Everything a supervisor does, plus the configuration and the users. */
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a JAAS role name grants, if it is one of ours. */
    public static Optional<Role> fromJaasRole(String name) {
        for (Role role : values()) {
            if (role.label().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
