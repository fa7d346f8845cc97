package org.switchboard.crm.builtin.internal;

import java.util.List;

import org.switchboard.crm.api.NewCustomer;

/** Customers the tests create. */
final class Customers {

    private Customers() {
    }

    static NewCustomer customer(String name, String... phones) {
        return new NewCustomer(name, 0, "north", null, null, List.of(phones), List.of());
    }

    static NewCustomer vip(String name, int level, String... phones) {
        return new NewCustomer(name, level, "south", "1001", "key-accounts", List.of(phones), List.of());
    }
}
