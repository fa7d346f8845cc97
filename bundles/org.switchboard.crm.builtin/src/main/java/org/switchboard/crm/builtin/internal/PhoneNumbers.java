package org.switchboard.crm.builtin.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as the CRM stores and compares them: spaces, dashes, dots and parentheses removed, a leading
 * {@code +} kept, digits only otherwise.
 */
final class PhoneNumbers {

    static final int MAX_LENGTH = 32;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern NORMALISED = Pattern.compile("\\+?[0-9]{2,31}");

    private PhoneNumbers() {
    }

    /** The normalised number, or empty when {@code raw} is not a phone number (for example "anonymous"). */
    static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String stripped = SEPARATORS.matcher(raw).replaceAll("");
        return NORMALISED.matcher(stripped).matches() ? Optional.of(stripped) : Optional.empty();
    }

    /** The normalised number; throws when {@code raw} is not a phone number, saying so. */
    static String require(String raw) {
        return normalise(raw).orElseThrow(() -> new IllegalArgumentException(
                "not a phone number: \"" + raw + "\" (digits, optionally a leading +, 2 to 31 digits)"));
    }
}
