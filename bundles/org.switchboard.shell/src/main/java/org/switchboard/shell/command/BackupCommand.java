package org.switchboard.shell.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.store.DatabaseBackup;

@Command(scope = "callcenter", name = "backup", description = "Backs the database up while calls go on, into a new folder (see docs/backup-and-restore.md to restore)")
@Service
public class BackupCommand implements Action {

    @Argument(index = 0, name = "folder", description = "Folder to put the backup in (a new folder below it); "
            + "default data/backups; a relative path is taken from the server's home folder")
    String folder;

    @Reference
    DatabaseBackup backup;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        Path parent = folder == null ? backup.defaultFolder() : serverHome().resolve(folder).normalize();
        Path written = backup.backup(parent);
        System.out.println("Database backed up into " + written + " (" + readable(sizeOf(written)) + ")");
        AuditTrail.record(audit, session, "backup", "database backed up into " + written);
        return null;
    }

    private static Path serverHome() {
        return Path.of(System.getProperty("karaf.base", ".")).toAbsolutePath();
    }

    private static long sizeOf(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    static String readable(long bytes) {
        if (bytes < 0) {
            return "size unknown";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
