package org.switchboard.web.internal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/** Log in, who am I, log out. */
final class SessionEndpoints {
    static final String COOKIE = "SB_SESSION";

    private final Backends backends;
    private final Audit audit;

    SessionEndpoints(Backends backends, Audit audit) {
        this.backends = backends;
        this.audit = audit;
    }

    void addTo(Router router) {
        router.post("/session", Access.ANYONE, this::login);
        router.get("/session", Access.ANY_USER, request -> ApiResponse.ok(describe(request.session())));
        router.delete("/session", Access.ANY_USER, this::logout);
    }

    private ApiResponse login(ApiRequest request) {
        JsonBody body = request.json().allowOnly("username", "password");
        String username = body.text("username");
        String password = body.optionalText("password");
        if (password == null || password.isEmpty()) {
            throw ApiException.badField("password", "is required");
        }
        Optional<WebUser> user = backends.authenticator().authenticate(username, password.toCharArray());
        if (user.isEmpty()) {
            throw new ApiException(401, "wrong user name or password");
        }
        WebSession session = backends.sessions().open(user.get());
        audit.record(username, "web-login", "from " + request.remoteAddress());
        return ApiResponse.ok(describe(session)).withHeader("Set-Cookie", cookie(session.id(),
                backends.settings().sessionIdle().toSeconds()));
    }

    private ApiResponse logout(ApiRequest request) {
        backends.sessions().close(request.session().id());
        audit.record(request, "web-logout", "");
        return ApiResponse.noContent().withHeader("Set-Cookie", cookie("", 0));
    }

    static Map<String, Object> describe(WebSession session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", session.user().username());
        body.put("roles", session.user().roleLabels());
        body.put("agentId", session.user().agentId());
        body.put("csrfToken", session.csrfToken());
        return body;
    }

    /** HttpOnly: page scripts never see it; SameSite=Strict: other sites' pages never send it. */
    static String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict";
    }
}
