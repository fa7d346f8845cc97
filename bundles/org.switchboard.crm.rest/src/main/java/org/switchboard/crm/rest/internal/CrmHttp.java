package org.switchboard.crm.rest.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.switchboard.crm.api.CrmException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Sends one operation's request to the CRM and reads its JSON answer. Every failure (no base URL, operation not
 * configured, connection refused, timeout, HTTP error, unreadable JSON) becomes a {@link CrmException} whose
 * message says which request failed and why, never the authentication header.
 */
final class CrmHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_SHOWN = 200;

    private final RestCrmSettings settings;
    private final HttpClient client;

    CrmHttp(RestCrmSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    RestCrmSettings settings() {
        return settings;
    }

    /**
     * @param values the placeholders' values
     * @param body   the JSON to send, or {@code null} for none
     * @return the answer, {@link MissingNode} when it has no body; empty when the CRM answered 404 Not Found
     */
    Optional<JsonNode> exchange(Operation operation, Map<String, String> values, JsonNode body) {
        Endpoint endpoint = settings.endpoints().get(operation);
        if (endpoint == null) {
            throw new CrmException("REST CRM: " + operation.key() + " is empty in " + RestCrmSettings.PID
                    + ", so this CRM does not offer that operation");
        }
        URI base = settings.baseUrl().orElseThrow(() -> new CrmException("REST CRM: baseUrl is not set in "
                + RestCrmSettings.PID));
        URI uri = URI.create(base + endpoint.path(values));
        String request = "REST CRM " + endpoint.method() + " " + uri;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Accept", "application/json");
        settings.authHeader().ifPresent(header -> builder.header(header.name(), header.value()));
        if (body == null) {
            builder.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        }
        HttpResponse<byte[]> response = send(builder.build(), request);
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status >= 300) {
            throw new CrmException(request + " answered HTTP " + status + (status < 400
                    ? " (redirects are not followed; check baseUrl)" : errorBody(response.body())));
        }
        if (response.body().length == 0) {
            return Optional.of(MissingNode.getInstance());
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new CrmException(request + " answered with JSON that cannot be read: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) {
        // the request's own timeout counts until the answer's headers; this bounds the body and the connection too
        long limit = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new CrmException(what + ": no answer within " + limit + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new CrmException(what + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new CrmException(what + ": could not connect within " + settings.connectTimeout().toMillis()
                        + " ms");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new CrmException(what + ": no answer within " + settings.readTimeout().toMillis() + " ms");
            }
            if (cause instanceof ConnectException) {
                throw new CrmException(what + ": could not connect (" + cause + ")", cause);
            }
            throw new CrmException(what + " failed: " + cause, cause);
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new CrmException("REST CRM: cannot write the request's JSON: " + e.getOriginalMessage());
        }
    }

    private static String errorBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > ERROR_BODY_SHOWN ? text.substring(0, ERROR_BODY_SHOWN) + "..." : text);
    }
}
