package org.switchboard.crm.api;

import java.util.Locale;

/** Where a sales lead is: new, assigned to an agent, converted to a customer, or lost. */
public enum LeadStatus {
    NEW, ASSIGNED, CONVERTED, LOST;

    /** Converted and lost leads are closed: they can be neither assigned nor converted again. */
    public boolean isOpen() {
        return this == NEW || this == ASSIGNED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LeadStatus fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
