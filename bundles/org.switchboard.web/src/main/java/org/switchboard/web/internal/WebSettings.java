package org.switchboard.web.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The web API's settings, from {@code etc/org.switchboard.web.cfg}.
 *
 * @param sessionIdle                  how long a console session lives without being used
 * @param dispositionCodes             the wrap-up codes agents choose from
 * @param metricsAnonymousFromLoopback whether /metrics answers without a login to clients on this machine
 * @param eventQueueSize               live events kept for a client that has not taken them yet; a client that
 *                                     falls further behind is disconnected (its page reconnects)
 * @param maxEventClients              event streams open at once, at most
 */
public record WebSettings(Duration sessionIdle, List<String> dispositionCodes, boolean metricsAnonymousFromLoopback,
        int eventQueueSize, int maxEventClients) {

    public static final String PID = "org.switchboard.web";
    static final List<String> DEFAULT_DISPOSITION_CODES = List.of("resolved", "follow-up", "complaint", "sale",
            "wrong-number");
    public static final WebSettings DEFAULTS = new WebSettings(Duration.ofMinutes(480), DEFAULT_DISPOSITION_CODES,
            true, 256, 500);

    public WebSettings {
        dispositionCodes = List.copyOf(dispositionCodes);
    }

    /** A bad value. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String key, String reason) {
            super(key + " " + reason);
        }
    }

    static WebSettings from(Map<String, ?> properties) throws Problem {
        int minutes = intIn(properties, "sessionMinutes", 480, 1, 7 * 24 * 60);
        List<String> codes = list(properties.get("dispositionCodes"));
        for (String code : codes) {
            if (!code.matches("[A-Za-z0-9_.-]+")) {
                throw new Problem("dispositionCodes", "'" + code + "' may only use letters, digits, '.', '_' and '-'");
            }
        }
        Object loopback = properties.get("metricsAnonymousFromLoopback");
        boolean anonymousMetrics = true;
        if (loopback != null && !loopback.toString().isBlank()) {
            String text = loopback.toString().trim();
            if (!text.equals("true") && !text.equals("false")) {
                throw new Problem("metricsAnonymousFromLoopback", "must be true or false, was '" + text + "'");
            }
            anonymousMetrics = Boolean.parseBoolean(text);
        }
        return new WebSettings(Duration.ofMinutes(minutes), codes.isEmpty() ? DEFAULT_DISPOSITION_CODES : codes,
                anonymousMetrics, intIn(properties, "eventQueueSize", 256, 10, 100_000),
                intIn(properties, "maxEventClients", 500, 1, 100_000));
    }

    private static int intIn(Map<String, ?> properties, String key, int fallback, int min, int max) throws Problem {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new Problem(key, "'" + value + "' is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new Problem(key, "must lie within " + min + ".." + max + ", was " + parsed);
        }
        return parsed;
    }

    private static List<String> list(Object value) {
        List<String> raw = new ArrayList<>();
        if (value instanceof Object[] array) {
            Arrays.stream(array).map(String::valueOf).forEach(raw::add);
        } else if (value instanceof Collection<?> collection) {
            collection.stream().map(String::valueOf).forEach(raw::add);
        } else if (value != null) {
            raw.addAll(Arrays.asList(value.toString().split(",")));
        }
        return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
