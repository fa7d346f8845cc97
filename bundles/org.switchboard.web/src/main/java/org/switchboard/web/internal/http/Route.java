package org.switchboard.web.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One method and path pattern of the API, e.g. {@code POST /agents/{id}/pause}, who may call it, and what answers.
 */
public final class Route {

    /** What answers a request. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private final String method;
    private final String pattern;
    private final Access access;
    private final Handler handler;
    private final List<String> segments;

    public Route(String method, String pattern, Access access, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route's pattern starts with '/': " + pattern);
        }
        this.method = method;
        this.pattern = pattern;
        this.access = access;
        this.handler = handler;
        this.segments = List.of(pattern.substring(1).split("/", -1));
    }

    public String method() {
        return method;
    }

    public String pattern() {
        return pattern;
    }

    public Access access() {
        return access;
    }

    public Handler handler() {
        return handler;
    }

    /** Whether the request changes something, and so must carry the CSRF token. */
    public boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    /** The values of the placeholders when the path fits the pattern. */
    Optional<Map<String, String>> match(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), parts[i]);
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** Literal segments count more than placeholders: /calls/export beats /calls/{id}. */
    int literalSegments() {
        List<String> literals = new ArrayList<>(segments);
        literals.removeIf(s -> s.startsWith("{"));
        return literals.size();
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
