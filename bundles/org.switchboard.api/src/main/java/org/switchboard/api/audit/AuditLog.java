package org.switchboard.api.audit;

import java.util.List;

/** Durable audit log. Writes return once durable; may be called from any thread. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The most recent entries first, at most {@code limit}. */
    List<AuditEntry> recent(int limit);
}
