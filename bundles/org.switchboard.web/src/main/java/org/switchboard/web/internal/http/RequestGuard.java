package org.switchboard.web.internal.http;

import org.switchboard.web.internal.auth.SessionRegistry;

/**
 * Lets a request through to its route only when it may: a login for every route that needs one (401), the
 * session's CSRF token on every state-changing request (403), and one of the route's roles (403).
 */
public final class RequestGuard {

    private RequestGuard() {
    }

    public static void check(Route route, ApiRequest request) {
        if (route.access().anonymous()) {
            return;
        }
        if (request.session() == null) {
            throw new ApiException(401, "log in first");
        }
        if (route.changesState() && !SessionRegistry.csrfMatches(request.session(), request.csrfToken())) {
            throw ApiException.forbidden("missing or wrong CSRF token");
        }
        if (!route.access().admits(request.session().user())) {
            throw ApiException.forbidden("your roles " + request.session().user().roleLabels() + " may not " + route);
        }
    }
}
