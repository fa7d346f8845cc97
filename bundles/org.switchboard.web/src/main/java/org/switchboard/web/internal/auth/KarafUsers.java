package org.switchboard.web.internal.auth;

import java.util.List;

/** The users of Karaf's realm (etc/users.properties), for the admin console. Passwords are never read back. */
public interface KarafUsers {

    /**
     * A user and their roles (including those of their groups).
     *
     * @param name  the user name
     * @param roles role names
     */
    record User(String name, List<String> roles) {
        public User {
            roles = List.copyOf(roles);
        }
    }

    List<User> list();

    /**
     * Creates the user or changes them: sets the password when one is given (a new user needs one) and makes the
     * console roles (agent, supervisor, admin) exactly {@code roles}; other roles and groups are kept.
     */
    void save(String name, String password, List<Role> roles);
}
