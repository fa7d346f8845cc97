package org.switchboard.web.internal.api;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.web.internal.http.ApiRequest;

/** Records a state-changing request in the audit log, with the console user; never a password. */
final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final Backends backends;

    Audit(Backends backends) {
        this.backends = backends;
    }

    void record(ApiRequest request, String action, String detail) {
        record(request.user().username(), action, detail);
    }

    void record(String who, String action, String detail) {
        AuditEntry entry = new AuditEntry(Instant.now(), "web:" + who, action, detail);
        backends.audit().ifPresentOrElse(log -> {
            try {
                log.record(entry);
            } catch (RuntimeException e) {
                LOG.error("audit entry {} could not be written", entry, e);
            }
        }, () -> LOG.warn("no audit log running; not recorded: {}", entry));
    }
}
