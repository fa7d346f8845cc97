package org.switchboard.store.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether Derby is set up to keep every commit. Derby writes and syncs its transaction log to disk at each commit
 * (its default, which Switchboard relies on: a store method returns only once its commit is durable), so a
 * {@code kill -9} or a power cut loses nothing committed. The one setting that breaks this is
 * {@code derby.system.durability=test}, which skips the syncs; it is read from the JVM's system properties and
 * from {@code derby.properties} in the Derby system home ({@code derby.system.home}, else the working folder).
 */
final class DurabilityCheck {

    static final String DURABILITY = "derby.system.durability";

    private DurabilityCheck() {
    }

    /** @return what is wrong, or empty when commits are synced to disk */
    static Optional<String> problem(Properties system) {
        String home = system.getProperty("derby.system.home", system.getProperty("user.dir", "."));
        return problem(system.getProperty(DURABILITY), Path.of(home).resolve("derby.properties"));
    }

    static Optional<String> problem(String systemProperty, Path derbyProperties) {
        if (isTest(systemProperty)) {
            return Optional.of("system property " + DURABILITY + "=test: Derby does not sync commits to disk, "
                    + "so a crash can lose call records; remove it");
        }
        if (Files.isRegularFile(derbyProperties)) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(derbyProperties)) {
                file.load(reader);
            } catch (IOException e) {
                return Optional.of("cannot read " + derbyProperties + " to check " + DURABILITY + ": " + e);
            }
            if (isTest(file.getProperty(DURABILITY))) {
                return Optional.of(derbyProperties + " sets " + DURABILITY + "=test: Derby does not sync commits "
                        + "to disk, so a crash can lose call records; remove it");
            }
        }
        return Optional.empty();
    }

    private static boolean isTest(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("test");
    }
}
