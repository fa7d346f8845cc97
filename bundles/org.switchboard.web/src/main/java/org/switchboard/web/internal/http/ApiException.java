package org.switchboard.web.internal.http;

/**
 * A request the API refuses, with the HTTP status, a message for the user and, when one field of the request is to
 * blame, its name.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, field + ": " + message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException unavailable(String what) {
        return new ApiException(503, what + " is not running");
    }

    public int status() {
        return status;
    }

    /** The request field to blame, or {@code null}. */
    public String field() {
        return field;
    }
}
