package org.switchboard.web.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: a status and a JSON value (or text with its content type), and extra headers.
 *
 * @param status      HTTP status
 * @param json        the value written as JSON, or {@code null}
 * @param text        text written as is when {@code json} is {@code null}, or {@code null} for no body
 * @param contentType the content type of {@code text}
 * @param headers     extra headers
 */
public record ApiResponse(int status, Object json, String text, String contentType, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object json) {
        return new ApiResponse(200, json, null, null, Map.of());
    }

    public static ApiResponse accepted(Object json) {
        return new ApiResponse(202, json, null, null, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null, null, Map.of());
    }

    public static ApiResponse text(String contentType, String text) {
        return new ApiResponse(200, null, text, contentType, Map.of());
    }

    public static ApiResponse error(ApiException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.getMessage());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        return new ApiResponse(problem.status(), body, null, null, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, json, text, contentType, more);
    }
}
