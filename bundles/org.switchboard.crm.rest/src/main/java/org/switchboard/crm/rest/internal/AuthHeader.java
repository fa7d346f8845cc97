package org.switchboard.crm.rest.internal;

import java.util.regex.Pattern;

/**
 * The header sent with every request to authenticate, e.g. {@code Authorization: Bearer xyz}. Its value is a
 * secret: it never appears in {@link #toString()}, logs or error messages.
 */
record AuthHeader(String name, String value) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * @throws IllegalArgumentException when the text is not {@code Name: value}; the message does not repeat the
     *                                  value
     */
    static AuthHeader parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? "" : text.substring(0, colon).trim();
        String value = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (!TOKEN.matcher(name).matches() || value.isEmpty() || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("authHeader: not 'Name: value' (for example 'Authorization: Bearer "
                    + "TOKEN'); the value is not repeated here");
        }
        return new AuthHeader(name, value);
    }

    @Override
    public String toString() {
        return name + ": ****";
    }
}
