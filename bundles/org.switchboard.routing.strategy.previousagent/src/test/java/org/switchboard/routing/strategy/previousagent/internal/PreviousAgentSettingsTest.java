package org.switchboard.routing.strategy.previousagent.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.Test;

public class PreviousAgentSettingsTest {

    @Test
    public void missingKeysTakeTheirDefaults() {
        PreviousAgentSettings settings = PreviousAgentSettings.from(Map.of());

        assertEquals(Duration.ofSeconds(20), settings.waitForPreviousAgent());
        assertEquals("longest-idle", settings.otherwise());
    }

    @Test
    public void valuesAreReadTrimmedFromTextOrNumbers() {
        assertEquals(new PreviousAgentSettings(Duration.ofSeconds(45), "round-robin"),
                PreviousAgentSettings.from(Map.of("waitForPreviousAgentSeconds", " 45 ", "otherwise", " round-robin")));
        assertEquals(Duration.ofSeconds(3600),
                PreviousAgentSettings.from(Map.of("waitForPreviousAgentSeconds", 3600)).waitForPreviousAgent());
    }

    @Test
    public void aWaitThatIsNotAWholeNumberOfSecondsIsRefusedWithItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreviousAgentSettings.from(Map.of("waitForPreviousAgentSeconds", "1.5")));

        assertEquals("waitForPreviousAgentSeconds: '1.5' is not a whole number of seconds", e.getMessage());
    }

    @Test
    public void aWaitOutsideItsRangeIsRefused() {
        assertEquals("waitForPreviousAgentSeconds: -1 is outside 0..3600", assertThrows(IllegalArgumentException.class,
                () -> PreviousAgentSettings.from(Map.of("waitForPreviousAgentSeconds", "-1"))).getMessage());
        assertEquals("waitForPreviousAgentSeconds: 3601 is outside 0..3600",
                assertThrows(IllegalArgumentException.class,
                        () -> PreviousAgentSettings.from(Map.of("waitForPreviousAgentSeconds", "3601"))).getMessage());
    }

    @Test
    public void otherwiseMustNameAnotherStrategy() {
        assertEquals("otherwise: must name another strategy than previous-agent",
                assertThrows(IllegalArgumentException.class,
                        () -> PreviousAgentSettings.from(Map.of("otherwise", "previous-agent"))).getMessage());
        assertEquals("otherwise: 'two words' is not a strategy name", assertThrows(IllegalArgumentException.class,
                () -> PreviousAgentSettings.from(Map.of("otherwise", "two words"))).getMessage());
    }
}
