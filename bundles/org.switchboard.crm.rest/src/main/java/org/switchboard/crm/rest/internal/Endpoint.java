package org.switchboard.crm.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one operation goes: an HTTP method and a path template relative to the base URL, with placeholders such
 * as {@code {phone}} replaced by URL-encoded values. Written in the configuration as {@code GET /customers/{id}};
 * without a method, the operation's default method is used.
 */
record Endpoint(String method, String template) {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /**
     * @throws IllegalArgumentException naming the key and the reason
     */
    static Endpoint parse(Operation operation, String value) {
        String text = value.trim();
        String method = operation.defaultEndpoint().substring(0, operation.defaultEndpoint().indexOf(' '));
        int space = text.indexOf(' ');
        if (space > 0) {
            method = text.substring(0, space).toUpperCase(java.util.Locale.ROOT);
            text = text.substring(space + 1).trim();
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException(operation.key() + ": " + method + " is not one of " + METHODS);
            }
        }
        if (!text.startsWith("/") || text.contains(" ")) {
            throw new IllegalArgumentException(operation.key() + ": '" + value.trim()
                    + "' is not a path starting with / (optionally after a method, e.g. GET /customers/{customerId})");
        }
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!operation.placeholders().contains(placeholders.group(1))) {
                throw new IllegalArgumentException(operation.key() + ": unknown placeholder {" + placeholders.group(1)
                        + "}; it may use " + (operation.placeholders().isEmpty() ? "none"
                                : String.join(", ", new java.util.TreeSet<>(operation.placeholders()))));
            }
        }
        return new Endpoint(method, text);
    }

    /** The path with every placeholder replaced by its URL-encoded value (empty when it has none). */
    String path(Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String value = values.getOrDefault(placeholders.group(1), "");
            String encoded = URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
            placeholders.appendReplacement(path, Matcher.quoteReplacement(encoded));
        }
        placeholders.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
