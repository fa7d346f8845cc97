package org.switchboard.crm.api;

import java.util.Objects;

/**
 * A person to talk to at a customer (for a company), or another way to reach the customer.
 *
 * @param name  the contact's name
 * @param role  their role, for example "purchasing", or {@code null}
 * @param phone their phone number, or {@code null}
 * @param email their e-mail address, or {@code null}
 */
public record Contact(String name, String role, String phone, String email) {
    public Contact {
        Objects.requireNonNull(name, "name");
    }
}
