package org.switchboard.web.internal.api;

import java.util.Map;

import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/** Sends requests through the whole API's router as one logged-in user of the fake backends. */
final class ApiClient {
    private final Router router;
    private final WebSession session;

    private ApiClient(Router router, WebSession session) {
        this.router = router;
        this.session = session;
    }

    static ApiClient login(FakeBackends backends, Router router, String user, String password) {
        ApiResponse answer = router.dispatch(new ApiRequest("POST", "/session", Map.of(), Map.of(),
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null, null, "127.0.0.1"));
        String cookie = answer.headers().get("Set-Cookie");
        String id = cookie.substring("SB_SESSION=".length(), cookie.indexOf(';'));
        return new ApiClient(router, backends.sessions().use(id).orElseThrow());
    }

    ApiResponse get(String path) {
        return get(path, Map.of());
    }

    ApiResponse get(String path, Map<String, String> query) {
        return router.dispatch(new ApiRequest("GET", path, Map.of(), query, "", session, null, "127.0.0.1"));
    }

    /** A state-changing request, with the session's CSRF token. */
    ApiResponse send(String method, String path, String body) {
        return router.dispatch(new ApiRequest(method, path, Map.of(), Map.of(), body, session, session.csrfToken(),
                "127.0.0.1"));
    }

    static Object field(ApiResponse answer, String name) {
        return ((Map<?, ?>) answer.json()).get(name);
    }
}
