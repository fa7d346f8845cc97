package org.switchboard.web.internal.http;

import java.util.Map;

import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.auth.WebUser;

/**
 * One request to the API as the routes see it.
 *
 * @param method     HTTP method
 * @param path       the path below /api/v1, starting with '/'
 * @param pathParams the values of the route's {placeholders}
 * @param query      query parameters (the first value of each)
 * @param body       the body as text, empty when there is none
 * @param session    the caller's session, or {@code null} for an anonymous request
 * @param csrfToken  the X-CSRF-Token header, or {@code null}
 * @param remoteAddress the client's address
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
        String body, WebSession session, String csrfToken, String remoteAddress) {

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? "" : body;
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, params, query, body, session, csrfToken, remoteAddress);
    }

    /** The logged-in user; routes that admit anyone must not call it. */
    public WebUser user() {
        if (session == null) {
            throw new ApiException(401, "log in first");
        }
        return session.user();
    }

    public String param(String name) {
        return pathParams.get(name);
    }

    /** A query parameter, or {@code null} when it is absent or blank. */
    public String queryParam(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public JsonBody json() {
        return JsonBody.parse(body);
    }
}
