package org.switchboard.shell.command.crm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CustomerDirectory;

/** How the CRM commands print times and empty values, and find the adapter in use. */
final class CrmText {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private CrmText() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The adapter in use; refused with a message naming it when it is not running. */
    static CrmAdapter adapterInUse(CustomerDirectory directory) {
        return directory.adapter().orElseThrow(() -> new IllegalStateException("the CRM adapter in use, "
                + directory.adapterName() + ", is not running (registered: " + names(directory) + ")"));
    }

    private static String names(CustomerDirectory directory) {
        return directory.adapterNames().isEmpty() ? "none" : String.join(", ", directory.adapterNames());
    }
}
