package org.switchboard.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One action of an operator or administrator.
 *
 * @param at     when
 * @param who    the user who acted (the shell or console login), or "system"
 * @param action what, as a short name, e.g. "agent-login", "strategy-set", "lockout-clear"
 * @param detail the arguments, in words; never a password
 */
public record AuditEntry(Instant at, String who, String action, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
