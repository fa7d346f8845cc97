package org.switchboard.crm.builtin;

import java.util.Locale;

/** How one outbound attempt went. */
public enum AttemptResult {
    /** The customer was reached: the entry is done. */
    REACHED,
    NO_ANSWER,
    BUSY,
    /** The customer asked to be called back later. */
    CALL_BACK,
    /** The customer asked never to be called again: the number is marked do-not-call. */
    DO_NOT_CALL;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AttemptResult fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
