package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.Optional;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DurabilityCheckTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void derbysDefaultSyncsEveryCommit() {
        Properties system = new Properties();
        system.setProperty("derby.system.home", folder.getRoot().getPath());

        assertEquals(Optional.empty(), DurabilityCheck.problem(system));
    }

    @Test
    public void durabilityTestAsASystemPropertyIsReported() {
        Properties system = new Properties();
        system.setProperty("derby.system.home", folder.getRoot().getPath());
        system.setProperty("derby.system.durability", " TEST ");

        assertTrue(DurabilityCheck.problem(system).orElseThrow().contains("derby.system.durability=test"));
    }

    @Test
    public void durabilityTestInDerbyPropertiesIsReported() throws Exception {
        Files.writeString(folder.getRoot().toPath().resolve("derby.properties"), "derby.system.durability=test\n");
        Properties system = new Properties();
        system.setProperty("derby.system.home", folder.getRoot().getPath());

        assertTrue(DurabilityCheck.problem(system).orElseThrow().contains("derby.properties"));
    }

    @Test
    public void theTestSuitesOwnDerbyRunsWithDurableCommits() {
        assertEquals(Optional.empty(), DurabilityCheck.problem(System.getProperties()));
    }
}
