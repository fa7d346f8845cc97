package org.switchboard.web.internal.http;

import java.util.EnumSet;
import java.util.Set;

import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.WebUser;

/**
 * Who may call a route: anyone (login, the OpenAPI document), any logged-in user, or users with one of some roles.
 * Finer rules (an agent acts only for themselves) are the route's own.
 *
 * @param anonymous whether no login is needed
 * @param roles     the roles of which the user needs one; empty with a login needed means any role
 */
public record Access(boolean anonymous, Set<Role> roles) {

    public static final Access ANYONE = new Access(true, Set.of());
    public static final Access ANY_USER = new Access(false, Set.of());
    public static final Access SUPERVISORS = roles(Role.SUPERVISOR, Role.ADMIN);
    public static final Access ADMINS = roles(Role.ADMIN);

    public Access {
        roles = Set.copyOf(roles);
    }

    public static Access roles(Role first, Role... more) {
        return new Access(false, EnumSet.of(first, more));
    }

    public boolean admits(WebUser user) {
        return roles.isEmpty() || user.roles().stream().anyMatch(roles::contains);
    }
}
