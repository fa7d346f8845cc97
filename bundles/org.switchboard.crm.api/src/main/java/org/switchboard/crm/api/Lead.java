package org.switchboard.crm.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A prospective customer, from a call or a list.
 *
 * @param id                  the lead's id, assigned by the CRM
 * @param name                the prospect's name
 * @param phone               their number, normalised, or {@code null}
 * @param email               their e-mail address, or {@code null}
 * @param source              where the lead came from, for example {@code call} or {@code import}
 * @param status              where it is
 * @param assignedAgent       the agent following it up, or {@code null}
 * @param convertedCustomerId the customer it became, when {@code CONVERTED}; else {@code null}
 * @param notes               free text, or {@code null}
 * @param createdAt           when the lead was created
 */
public record Lead(String id, String name, String phone, String email, String source, LeadStatus status,
        String assignedAgent, String convertedCustomerId, String notes, Instant createdAt) {
    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
