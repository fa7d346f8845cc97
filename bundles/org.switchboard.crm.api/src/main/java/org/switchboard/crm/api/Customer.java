package org.switchboard.crm.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer, known to every department by one id.
 *
 * @param id         the customer's unique id, assigned by the CRM
 * @param name       the customer's name
 * @param vipLevel   0 for an ordinary customer, higher for more important ones (the server adds it to the
 *                   priority of their calls)
 * @param region     the region the customer belongs to (routes the call to that branch), or {@code null}
 * @param ownerAgent the agent responsible for the customer, or {@code null}
 * @param ownerTeam  the team responsible for the customer, or {@code null}
 * @param phones     the customer's phone numbers, normalised (digits, with a leading {@code +} when given)
 * @param contacts   people and addresses at the customer
 * @param createdAt  when the customer was created
 */
public record Customer(String id, String name, int vipLevel, String region, String ownerAgent, String ownerTeam,
        List<String> phones, List<Contact> contacts, Instant createdAt) {
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (vipLevel < 0) {
            throw new IllegalArgumentException("vipLevel must not be negative: " + vipLevel);
        }
        phones = List.copyOf(phones);
        contacts = List.copyOf(contacts);
    }
}
