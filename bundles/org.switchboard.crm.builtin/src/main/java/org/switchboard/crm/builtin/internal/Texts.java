package org.switchboard.crm.builtin.internal;

/** Small helpers for text going into columns. */
final class Texts {

    private Texts() {
    }

    /** A blank text is no text. */
    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Free text is never refused for its length; the column keeps the beginning. */
    static String clip(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, length - 1) + "…";
    }
}
