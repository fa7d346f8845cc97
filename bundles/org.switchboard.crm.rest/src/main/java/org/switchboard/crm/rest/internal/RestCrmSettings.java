package org.switchboard.crm.rest.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The REST adapter's settings, from configuration {@value #PID}.
 *
 * @param baseUrl            the CRM's base URL, to which the endpoints' paths are appended; empty when not set
 * @param authHeader         the header that authenticates the requests, if any
 * @param connectTimeout     longest time to open a connection
 * @param readTimeout        longest time to wait for an answer once the request is sent
 * @param endpoints          the endpoint of each supported operation; an operation without one is not supported
 * @param listField          where the array sits in answers that list records (empty: the answer is the array)
 * @param customerFields     where a customer's fields sit in the CRM's JSON
 * @param interactionFields  where an interaction's fields sit in the CRM's JSON
 * @param vipLevels          VIP levels of the CRM's labels (e.g. {@code gold -> 2}), lower case, when it names them
 */
record RestCrmSettings(Optional<URI> baseUrl, Optional<AuthHeader> authHeader, Duration connectTimeout,
        Duration readTimeout, Map<Operation, Endpoint> endpoints, String listField, FieldMap customerFields,
        FieldMap interactionFields, Map<String, Integer> vipLevels) {
    static final String PID = "org.switchboard.crm.rest";
    static final List<String> CUSTOMER_FIELDS = List.of("customerId", "name", "vipLevel", "region", "ownerAgent",
            "ownerTeam", "phones", "contacts", "createdAt");
    static final List<String> INTERACTION_FIELDS = List.of("callId", "customerId", "leadId", "phone", "queue",
            "agentId", "disposition", "startedAt", "endedAt", "notes", "recordingId");
    private static final int MAX_TIMEOUT_MILLIS = 60_000;

    RestCrmSettings {
        endpoints = Map.copyOf(endpoints);
        vipLevels = Map.copyOf(vipLevels);
    }

    /**
     * Reads the settings; a missing key keeps its default, an endpoint key left empty disables its operation.
     *
     * @throws IllegalArgumentException naming the key and the reason (never an authentication secret)
     */
    static RestCrmSettings from(Map<String, ?> properties) {
        Map<Operation, Endpoint> endpoints = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            Object value = properties.get(operation.key());
            String text = value == null ? operation.defaultEndpoint() : value.toString();
            if (!text.isBlank()) {
                endpoints.put(operation, Endpoint.parse(operation, text));
            }
        }
        String auth = text(properties, "authHeader");
        return new RestCrmSettings(baseUrl(text(properties, "baseUrl")),
                auth.isEmpty() ? Optional.empty() : Optional.of(AuthHeader.parse(auth)),
                millis(properties, "connectTimeoutMillis", 1000), millis(properties, "readTimeoutMillis", 2000),
                endpoints, text(properties, "listField"),
                FieldMap.from(properties, "field.", CUSTOMER_FIELDS, Map.of("customerId", "id")),
                FieldMap.from(properties, "interaction.", INTERACTION_FIELDS, Map.of()),
                vipLevels(text(properties, "vipLevels")));
    }

    /** Not configured: every request fails until a base URL is set. */
    static RestCrmSettings unconfigured() {
        return from(Map.of());
    }

    private static Optional<URI> baseUrl(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl: '" + text + "' is not an http or https URL without "
                        + "query");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl: must not hold credentials; use authHeader");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl: '" + text + "' is not a URL (" + e.getReason() + ")");
        }
    }

    private static Duration millis(Map<String, ?> properties, String key, int defaultMillis) {
        String text = text(properties, key);
        if (text.isEmpty()) {
            return Duration.ofMillis(defaultMillis);
        }
        long millis;
        try {
            millis = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a whole number of milliseconds");
        }
        if (millis < 1 || millis > MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException(key + ": " + millis + " is outside 1.." + MAX_TIMEOUT_MILLIS);
        }
        return Duration.ofMillis(millis);
    }

    private static Map<String, Integer> vipLevels(String text) {
        Map<String, Integer> levels = new HashMap<>();
        if (text.isEmpty()) {
            return levels;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":");
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("vipLevels: '" + pair.trim() + "' is not label:level");
            }
            try {
                int level = Integer.parseInt(parts[1].trim());
                if (level < 0) {
                    throw new NumberFormatException();
                }
                levels.put(parts[0].trim().toLowerCase(Locale.ROOT), level);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("vipLevels: level of '" + parts[0].trim()
                        + "' is not a whole number 0 or more");
            }
        }
        return levels;
    }

    private static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        return value == null ? "" : value.toString().trim();
    }
}
