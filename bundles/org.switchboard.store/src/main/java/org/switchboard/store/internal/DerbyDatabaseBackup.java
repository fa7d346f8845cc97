package org.switchboard.store.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.DatabaseBackup;

/**
 * Online backups with Derby's own {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}: calls and writes go on while it
 * copies; the copy is consistent as of the moment it started. Each backup gets a new folder named after the
 * time (UTC), e.g. {@code switchboard-20261126T090000Z}, that holds the database folder {@code switchboard}.
 */
@Component(service = DatabaseBackup.class)
public class DerbyDatabaseBackup implements DatabaseBackup {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyDatabaseBackup.class);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ConnectionSource connections;
    private final Path defaultFolder;
    private final Clock clock;

    @Activate
    public DerbyDatabaseBackup(@Reference(name = "connections") ConnectionSource connections) {
        this(connections, defaultFolder(System.getProperty("karaf.data")), Clock.systemUTC());
    }

    DerbyDatabaseBackup(ConnectionSource connections, Path defaultFolder, Clock clock) {
        this.connections = connections;
        this.defaultFolder = defaultFolder;
        this.clock = clock;
    }

    @Override
    public Path backup(Path parent) {
        Path folder;
        try {
            folder = newFolder(parent.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new StoreException("Cannot create a backup folder below " + parent, e);
        }
        long started = System.nanoTime();
        try (Connection connection = connections.open();
                CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, folder.toString());
            backup.execute();
        } catch (SQLException e) {
            deleteQuietly(folder);
            throw new StoreException("Cannot back the database up into " + folder, e);
        }
        LOG.info("database backed up into {} in {} ms", folder, (System.nanoTime() - started) / 1_000_000);
        return folder;
    }

    @Override
    public Path defaultFolder() {
        return defaultFolder;
    }

    static Path defaultFolder(String karafData) {
        Path data = karafData == null || karafData.isBlank() ? Path.of("data") : Path.of(karafData.trim());
        return data.resolve("backups").toAbsolutePath().normalize();
    }

    /** A folder of its own for this backup: named after the time, with a number when that name is taken. */
    private Path newFolder(Path parent) throws IOException {
        Files.createDirectories(parent);
        String name = "switchboard-" + FOLDER_TIME.format(clock.instant());
        for (int attempt = 1;; attempt++) {
            Path folder = parent.resolve(attempt == 1 ? name : name + "-" + attempt);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // another backup in the same second: try the next number
            }
        }
    }

    /** Removes what a failed backup left; a folder that cannot be removed is only logged. */
    private static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot remove the folder {} of the failed backup", folder, e);
        }
    }
}
