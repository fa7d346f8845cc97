package org.switchboard.crm.api;

import java.util.List;
import java.util.Objects;

/**
 * A customer to create; the CRM assigns the id. See {@link Customer} for the fields.
 */
public record NewCustomer(String name, int vipLevel, String region, String ownerAgent, String ownerTeam,
        List<String> phones, List<Contact> contacts) {
    public NewCustomer {
        Objects.requireNonNull(name, "name");
        if (vipLevel < 0) {
            throw new IllegalArgumentException("vipLevel must not be negative: " + vipLevel);
        }
        phones = List.copyOf(phones);
        contacts = List.copyOf(contacts);
    }

    /** A caller the CRM did not know, known only by the number they called from. */
    public static NewCustomer unknownCaller(String phone) {
        return new NewCustomer("Caller " + phone, 0, null, null, null, List.of(phone), List.of());
    }
}
