package org.switchboard.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Json;

/** Between the servlet API and the API's own request and response. */
public final class HttpExchange {
    static final String SESSION_COOKIE = "SB_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private HttpExchange() {
    }

    public static Optional<WebSession> session(HttpServletRequest request, SessionRegistry sessions) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName())) {
                Optional<WebSession> session = sessions.use(cookie.getValue());
                if (session.isPresent()) {
                    return session;
                }
            }
        }
        return Optional.empty();
    }

    static ApiRequest read(HttpServletRequest request, SessionRegistry sessions) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        return new ApiRequest(request.getMethod(), path, Map.of(), query(request.getQueryString()), body(request),
                session(request, sessions).orElse(null), request.getHeader(CSRF_HEADER), request.getRemoteAddr());
    }

    public static void write(ApiResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        answer.headers().forEach(response::addHeader);
        if (answer.json() != null) {
            response.setContentType("application/json;charset=utf-8");
            Json.write(answer.json(), response.getOutputStream());
        } else if (answer.text() != null) {
            response.setContentType(answer.contentType());
            response.getOutputStream().write(answer.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    public static boolean isLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Map<String, String> query(String queryString) {
        Map<String, String> query = new LinkedHashMap<>();
        if (queryString == null) {
            return query;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            query.putIfAbsent(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : "");
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("query", "'" + text + "' is not URL-encoded text");
        }
    }

    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                bytes.write(buffer, 0, read);
                if (bytes.size() > MAX_BODY_BYTES) {
                    throw new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
