package org.switchboard.crm.builtin;

import java.time.Instant;
import java.util.Objects;

/**
 * A list of customers to call, for a promotion, a survey or a win-back.
 *
 * @param name        the campaign's unique name
 * @param description what it is for, or {@code null}
 * @param maxAttempts how many times an entry is tried at most
 * @param createdAt   when it was created
 */
public record Campaign(String name, String description, int maxAttempts, Instant createdAt) {
    public Campaign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
