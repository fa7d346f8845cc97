package org.switchboard.web.internal.api;

import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;

/** A list's size from the query ({@code limit} unless named): a whole number within 1..max, 400 naming it otherwise. */
final class QueryLimit {

    private QueryLimit() {
    }

    static int of(ApiRequest request, int defaultLimit, int max) {
        return of(request, "limit", defaultLimit, max);
    }

    static int of(ApiRequest request, String name, int defaultLimit, int max) {
        String text = request.queryParam(name);
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badField(name, "must be a whole number within 1.." + max + ", was '" + text + "'");
    }
}
