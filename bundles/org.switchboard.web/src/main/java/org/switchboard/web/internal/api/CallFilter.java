package org.switchboard.web.internal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.switchboard.api.call.CallQuery;
import org.switchboard.api.call.Disposition;
import org.switchboard.web.internal.auth.WebUser;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;

/**
 * The call search of {@code GET /calls}: from, to (a day YYYY-MM-DD, in UTC, or an instant), queue, agent,
 * disposition, number, limit. An agent always searches their own calls only.
 */
final class CallFilter {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private CallFilter() {
    }

    static CallQuery from(ApiRequest request) {
        WebUser user = request.user();
        String agent = request.queryParam("agent");
        if (!user.seesEverything()) {
            if (agent != null && !agent.equals(user.agentId())) {
                throw ApiException.forbidden("you may only search your own calls");
            }
            agent = user.agentId();
        }
        Instant from = instant(request, "from", false);
        Instant to = instant(request, "to", true);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badField("to", "is before from");
        }
        return new CallQuery(from, to, request.queryParam("queue"), agent,
                disposition(request.queryParam("disposition")), request.queryParam("number"),
                limit(request.queryParam("limit")));
    }

    /** A day means its start for {@code from} and the start of the next day for {@code to}. */
    static Instant instant(ApiRequest request, String name, boolean endOfDay) {
        String text = request.queryParam(name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "'" + text + "' is neither a day (2024-03-10) nor an instant "
                    + "(2024-03-10T09:00:00Z)");
        }
    }

    static Disposition disposition(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("-") || text.equals(text.toLowerCase(Locale.ROOT))
                    ? Disposition.fromLabel(text) : Disposition.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("disposition", "'" + text + "' is not one of "
                    + Arrays.toString(Disposition.values()));
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badField("limit", "must be a whole number within 1.." + MAX_LIMIT + ", was '" + text + "'");
    }
}
