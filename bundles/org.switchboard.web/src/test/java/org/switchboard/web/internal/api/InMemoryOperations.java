package org.switchboard.web.internal.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.sip.SourceGuard;
import org.switchboard.api.sip.SourceLockout;
import org.switchboard.api.store.DatabaseBackup;

/** In-memory stand-ins for the audit log, the SIP edge's source guard and the database's backups. */
final class InMemoryOperations {

    private InMemoryOperations() {
    }

    static final class Audit implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public synchronized void record(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public synchronized List<AuditEntry> recent(int limit) {
            List<AuditEntry> newestFirst = new ArrayList<>(entries);
            java.util.Collections.reverse(newestFirst);
            return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        }
    }

    static final class Guard implements SourceGuard {
        final Map<String, SourceLockout> locked = new LinkedHashMap<>();

        Guard lockOut(String source, int failures) {
            locked.put(source, new SourceLockout(source, failures, Instant.now().plusSeconds(600)));
            return this;
        }

        @Override
        public synchronized List<SourceLockout> lockouts() {
            return List.copyOf(locked.values());
        }

        @Override
        public synchronized boolean clear(String source) {
            return locked.remove(source) != null;
        }
    }

    /** Writes a one-file "backup" into a new numbered folder; refused as the store refuses: StoreException. */
    static final class Backup implements DatabaseBackup {
        private final Path defaultFolder;
        private int taken;

        Backup(Path defaultFolder) {
            this.defaultFolder = defaultFolder;
        }

        @Override
        public synchronized Path backup(Path parent) {
            try {
                Path folder = Files.createDirectories(parent).resolve("backup-" + ++taken);
                Files.createDirectory(folder);
                Files.writeString(folder.resolve("switchboard.db"), "0123456789");
                return folder;
            } catch (IOException e) {
                throw new StoreException("cannot back up into " + parent + ": " + e, e);
            }
        }

        @Override
        public Path defaultFolder() {
            return defaultFolder;
        }
    }
}
