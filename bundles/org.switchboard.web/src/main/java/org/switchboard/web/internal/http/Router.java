package org.switchboard.web.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route of a request by method and path, lets the {@link RequestGuard} check it, and turns what the
 * route throws into an error answer. A path no route knows is 404, or 401 for an anonymous caller (who learns
 * nothing about which paths exist); a known path with another method is 405.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Access access, Route.Handler handler) {
        Route route = new Route(method, pattern, access, handler);
        if (routes.stream().anyMatch(r -> r.method().equals(method) && r.pattern().equals(pattern))) {
            throw new IllegalArgumentException("route " + route + " is defined twice");
        }
        routes.add(route);
        return this;
    }

    public Router get(String pattern, Access access, Route.Handler handler) {
        return add("GET", pattern, access, handler);
    }

    public Router post(String pattern, Access access, Route.Handler handler) {
        return add("POST", pattern, access, handler);
    }

    public Router put(String pattern, Access access, Route.Handler handler) {
        return add("PUT", pattern, access, handler);
    }

    public Router delete(String pattern, Access access, Route.Handler handler) {
        return add("DELETE", pattern, access, handler);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public ApiResponse dispatch(ApiRequest request) {
        try {
            Match match = find(request);
            RequestGuard.check(match.route(), request);
            return match.route().handler().handle(request.withPathParams(match.params()));
        } catch (ApiException problem) {
            return ApiResponse.error(problem);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return ApiResponse.error(new ApiException(500, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private Match find(ApiRequest request) {
        List<Match> onPath = new ArrayList<>();
        for (Route route : routes) {
            route.match(request.path()).ifPresent(params -> onPath.add(new Match(route, params)));
        }
        Optional<Match> best = onPath.stream().filter(m -> m.route().method().equals(request.method()))
                .max(Comparator.comparingInt(m -> m.route().literalSegments()));
        if (best.isPresent()) {
            return best.get();
        }
        if (request.session() == null) {
            throw new ApiException(401, "log in first");
        }
        if (onPath.isEmpty()) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        throw new ApiException(405, request.method() + " is not allowed on " + request.path());
    }

    private record Match(Route route, Map<String, String> params) {
    }
}
