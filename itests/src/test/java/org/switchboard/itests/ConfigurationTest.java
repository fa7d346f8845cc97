package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;
import org.switchboard.api.acd.QueueStatus;

/** Operators edit etc/*.cfg while the server runs: good values apply at once, bad ones are refused and logged. */
public class ConfigurationTest extends SwitchboardTestSupport {

    @Test
    public void badValueInAQueueFileIsLoggedWithItsKeyAndThePreviousSettingsStay() throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc"), "org.switchboard.acd.queue-support.cfg");
        String original = Files.readString(file);
        try {
            Files.writeString(file, original.replaceAll("(?m)^ringTimeoutSeconds\\s*=.*$", "ringTimeoutSeconds = 5"),
                    StandardCharsets.UTF_8);
            awaitCondition("ring timeout 5 s applied", () -> support().ringTimeout().equals(Duration.ofSeconds(5)));

            Files.writeString(file, original.replaceAll("(?m)^ringTimeoutSeconds\\s*=.*$", "ringTimeoutSeconds = soon"),
                    StandardCharsets.UTF_8);
            Path log = Path.of(System.getProperty("karaf.log"), "karaf.log");
            awaitCondition("the bad value logged", () -> read(log).contains(
                    "ringTimeoutSeconds: 'soon' is not a whole number: queue support keeps its previous settings"));
            QueueStatus support = support();
            assertEquals(Duration.ofSeconds(5), support.ringTimeout());
            assertEquals(Duration.ofSeconds(4), support.maxWait());
            assertTrue(support.numbers().contains("4000"));
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            awaitCondition("original settings back", () -> support().ringTimeout().equals(Duration.ofSeconds(3)));
        }
    }

    private QueueStatus support() {
        return agents().queues().stream().filter(q -> q.name().equals("support")).findFirst().orElseThrow();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
