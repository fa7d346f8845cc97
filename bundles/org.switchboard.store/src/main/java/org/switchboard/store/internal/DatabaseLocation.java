package org.switchboard.store.internal;

import java.nio.file.Path;

/** Works out the directory of the database from the configuration. */
final class DatabaseLocation {

    private DatabaseLocation() {
    }

    /**
     * @param karafData the {@code karaf.data} system property, or {@code null} outside Karaf
     * @return the absolute directory of the database
     */
    static Path of(SwitchboardDatabaseConfig config, String karafData) {
        Path home;
        if (!isBlank(config.derby_home())) {
            home = Path.of(config.derby_home().trim());
        } else if (!isBlank(karafData)) {
            home = Path.of(karafData.trim(), "derby");
        } else {
            home = Path.of("data", "derby");
        }
        String name = isBlank(config.database_name()) ? "switchboard" : config.database_name().trim();
        return home.resolve(name).toAbsolutePath().normalize();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
