package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;

import org.junit.Test;

public class DatabaseLocationTest {

    @Test
    public void configuredHomeHoldsTheNamedDatabase() {
        assertEquals(Path.of("/srv/derby/calls"),
                DatabaseLocation.of(TestConfigs.config("/srv/derby", "calls"), "/opt/karaf/data"));
    }

    @Test
    public void emptyHomeMeansDerbyUnderKarafData() {
        assertEquals(Path.of("/opt/karaf/data/derby/switchboard"),
                DatabaseLocation.of(TestConfigs.config("", "switchboard"), "/opt/karaf/data"));
    }

    @Test
    public void outsideKarafTheDatabaseGoesUnderDataDerbyInTheWorkingDirectory() {
        assertEquals(Path.of("data", "derby", "switchboard").toAbsolutePath(),
                DatabaseLocation.of(TestConfigs.config("", "switchboard"), null));
    }
}
