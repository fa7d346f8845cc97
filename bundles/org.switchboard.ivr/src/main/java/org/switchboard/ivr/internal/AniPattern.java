package org.switchboard.ivr.internal;

/** A caller number to match: exact ({@code +4930666}) or a prefix ending in {@code *} ({@code 0900*}). */
record AniPattern(String text) {

    static boolean isValid(String text) {
        return text.matches("\\+?[0-9]+\\*?");
    }

    boolean matches(String ani) {
        if (text.endsWith("*")) {
            return ani.startsWith(text.substring(0, text.length() - 1));
        }
        return ani.equals(text);
    }
}
