package org.switchboard.crm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;

import org.junit.Test;

public class CrmSettingsTest {

    @Test
    public void anEmptyConfigurationGivesTheDefaults() {
        assertEquals(new CrmSettings("builtin", 200, 60, 10_000, true), CrmSettings.from(Map.of()));
    }

    @Test
    public void everyKeyIsRead() {
        assertEquals(new CrmSettings("rest", 80, 0, 5, false), CrmSettings.from(Map.of("adapter", " rest ",
                "lookupBudgetMillis", "80", "cacheSeconds", "0", "cacheSize", "5", "createUnknownCallers", "FALSE")));
    }

    @Test
    public void aBadValueIsRefusedNamingItsKeyAndTheReason() {
        assertEquals("lookupBudgetMillis: 'fast' is not a whole number", assertThrows(IllegalArgumentException.class,
                () -> CrmSettings.from(Map.of("lookupBudgetMillis", "fast"))).getMessage());
        assertEquals("cacheSize: 0 is outside 1..1000000", assertThrows(IllegalArgumentException.class,
                () -> CrmSettings.from(Map.of("cacheSize", "0"))).getMessage());
        assertEquals("createUnknownCallers: 'yes' is neither true nor false",
                assertThrows(IllegalArgumentException.class,
                        () -> CrmSettings.from(Map.of("createUnknownCallers", "yes"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrmSettings.from(Map.of("adapter", "my crm")));
    }
}
