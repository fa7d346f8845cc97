package org.switchboard.crm.api;

import java.util.Objects;

/**
 * A lead to create; it starts {@code NEW}, or {@code ASSIGNED} when an agent is given.
 *
 * @param name          the prospect's name
 * @param phone         their number, or {@code null}
 * @param email         their e-mail address, or {@code null}
 * @param source        where the lead came from, for example {@code call}
 * @param callId        the call it comes from, or {@code null}; that call's interaction then belongs to the lead
 *                      and moves to the customer when the lead is converted
 * @param assignedAgent the agent to follow it up, or {@code null}
 * @param notes         free text, or {@code null}
 */
public record NewLead(String name, String phone, String email, String source, String callId, String assignedAgent,
        String notes) {
    public NewLead {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
