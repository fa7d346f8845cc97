package org.switchboard.crm.internal;

import java.util.Map;

/**
 * How the server uses the CRM, from {@code etc/org.switchboard.crm.cfg}.
 *
 * @param adapter              the name of the adapter in use
 * @param lookupBudgetMillis   how long a call waits at most for its caller to be looked up
 * @param cacheSeconds         how long a lookup's answer is reused (0: never)
 * @param cacheSize            how many answers are kept at most
 * @param createUnknownCallers whether a caller the CRM does not know becomes a new customer when the call ends
 */
record CrmSettings(String adapter, int lookupBudgetMillis, int cacheSeconds, int cacheSize,
        boolean createUnknownCallers) {

    static final String PID = "org.switchboard.crm";
    static final String ADAPTER = "adapter";

    static final CrmSettings DEFAULTS = new CrmSettings("builtin", 200, 60, 10_000, true);

    /** Reads and checks the configuration; the message of the exception names the key and the reason. */
    static CrmSettings from(Map<String, ?> properties) {
        String adapter = string(properties, ADAPTER, DEFAULTS.adapter());
        if (!adapter.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(ADAPTER + ": '" + adapter
                    + "' is not an adapter name (letters, digits, '.', '_', '-', at most 64)");
        }
        return new CrmSettings(adapter,
                number(properties, "lookupBudgetMillis", DEFAULTS.lookupBudgetMillis(), 1, 10_000),
                number(properties, "cacheSeconds", DEFAULTS.cacheSeconds(), 0, 86_400),
                number(properties, "cacheSize", DEFAULTS.cacheSize(), 1, 1_000_000),
                bool(properties, "createUnknownCallers", DEFAULTS.createUnknownCallers()));
    }

    private static String string(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static int number(Map<String, ?> properties, String key, int fallback, int min, int max) {
        String text = string(properties, key, Integer.toString(fallback));
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private static boolean bool(Map<String, ?> properties, String key, boolean fallback) {
        String text = string(properties, key, Boolean.toString(fallback));
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + ": '" + text + "' is neither true nor false");
    }
}
