package org.switchboard.web.internal.http;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.auth.WebUser;

public class RequestGuardTest {

    private static final WebSession AGENT = session("1001", Role.AGENT);
    private static final WebSession ADMIN = session("karaf", Role.ADMIN);

    @Test
    public void aRouteForAnyoneNeedsNoLoginAndNoToken() {
        assertEquals(0, status(new Route("POST", "/session", Access.ANYONE, r -> null), null, null));
    }

    @Test
    public void aRouteForUsersNeedsALogin() {
        assertEquals(401, status(new Route("GET", "/queues", Access.ANY_USER, r -> null), null, null));
        assertEquals(0, status(new Route("GET", "/queues", Access.ANY_USER, r -> null), AGENT, null));
    }

    @Test
    public void changesNeedTheSessionsOwnToken() {
        Route change = new Route("PUT", "/admin/trunks", Access.ADMINS, r -> null);

        assertEquals(403, status(change, ADMIN, null));
        assertEquals(403, status(change, ADMIN, AGENT.csrfToken()));
        assertEquals(0, status(change, ADMIN, ADMIN.csrfToken()));
    }

    @Test
    public void readsNeedNoToken() {
        assertEquals(0, status(new Route("GET", "/admin/users", Access.ADMINS, r -> null), ADMIN, null));
    }

    @Test
    public void aUserWithoutOneOfTheRolesIsRefusedEvenWithTheToken() {
        Route adminOnly = new Route("POST", "/admin/flows/{name}/check", Access.ADMINS, r -> null);
        Route supervisors = new Route("GET", "/agents", Access.SUPERVISORS, r -> null);

        assertEquals(403, status(adminOnly, AGENT, AGENT.csrfToken()));
        assertEquals(403, status(supervisors, AGENT, null));
        assertEquals(0, status(supervisors, ADMIN, null));
    }

    private static int status(Route route, WebSession session, String token) {
        try {
            RequestGuard.check(route, new ApiRequest(route.method(), route.pattern(), Map.of(), Map.of(), "",
                    session, token, "127.0.0.1"));
            return 0;
        } catch (ApiException refused) {
            return refused.status();
        }
    }

    private static WebSession session(String user, Role role) {
        return new WebSession("id-" + user, "token-" + user, new WebUser(user, Set.of(role)), Instant.MAX);
    }
}
