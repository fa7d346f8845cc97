package org.switchboard.api.store;

import java.nio.file.Path;

/** Online backups of the embedded database, taken while calls go on. */
public interface DatabaseBackup {

    /**
     * Copies the database, consistent as of one moment, into a new folder below {@code parent}.
     *
     * @return the folder that holds the backup
     * @throws org.switchboard.api.call.StoreException when the backup cannot be made (the database is unchanged)
     */
    Path backup(Path parent);

    /** Where backups go when no folder is named ({@code ${karaf.data}/backups} by default). */
    Path defaultFolder();
}
