package org.switchboard.shell.command;

import java.time.Instant;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.ShellUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;

/**
 * Writes what an operator did into the audit log, once it is done, as the user logged in to the shell. The
 * details are the command's arguments in words; no command that records here takes a password.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private AuditTrail() {
    }

    public static void record(AuditLog log, Session session, String action, String detail) {
        String who = who(session);
        try {
            log.record(new AuditEntry(Instant.now(), who, action, detail));
        } catch (RuntimeException e) {
            LOG.error("{} by {} ({}) was done but could not be written to the audit log", action, who, detail, e);
            System.err.println("Warning: done, but not written to the audit log: " + e.getMessage());
        }
    }

    /**
     * The shell user: the JAAS subject the console or SSH session runs as (Karaf's {@code UserPrincipal}), else the
     * session's {@code USER} variable, which Karaf sets from the same subject when the session opens.
     */
    public static String who(Session session) {
        String user = ShellUtil.getCurrentUserName();
        if ((user == null || user.isBlank()) && session != null && session.get("USER") != null) {
            user = session.get("USER").toString();
        }
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
