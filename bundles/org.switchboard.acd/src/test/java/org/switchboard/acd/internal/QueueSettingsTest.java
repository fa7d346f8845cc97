package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

public class QueueSettingsTest {

    @Test
    public void valuesFromACfgFileAreReadWithTheirDefaults() throws SettingsException {
        QueueSettings settings = QueueSettings.from(Map.of("name", "support", "numbers", "4000, 4001"));
        assertEquals("support", settings.name());
        assertEquals(List.of("4000", "4001"), settings.numbers());
        assertEquals(Duration.ofSeconds(120), settings.maxWait());
        assertEquals(Duration.ofSeconds(20), settings.ringTimeout());
        assertEquals(3, settings.maxNoAnswers());
    }

    @Test
    public void aValueThatIsNotANumberIsRejectedNamingItsKey() {
        SettingsException problem = assertThrows(SettingsException.class, () -> QueueSettings.from(
                Map.of("name", "support", "numbers", "4000", "maxWaitSeconds", "soon")));
        assertEquals("maxWaitSeconds", problem.key());
        assertTrue(problem.getMessage().contains("'soon' is not a whole number"));
    }

    @Test
    public void aNegativeTimeoutIsRejected() {
        SettingsException problem = assertThrows(SettingsException.class, () -> QueueSettings.from(
                Map.of("name", "support", "numbers", "4000", "ringTimeoutSeconds", "-5")));
        assertEquals("ringTimeoutSeconds", problem.key());
    }

    @Test
    public void aQueueNeedsANameAndANumber() {
        assertEquals("name", assertThrows(SettingsException.class,
                () -> QueueSettings.from(Map.of("numbers", "4000"))).key());
        assertEquals("numbers", assertThrows(SettingsException.class,
                () -> QueueSettings.from(Map.of("name", "support"))).key());
        assertEquals("numbers", assertThrows(SettingsException.class,
                () -> QueueSettings.from(Map.of("name", "support", "numbers", "40a0"))).key());
    }

    @Test
    public void surveyFlowIsOptionalAndMustBeAName() throws SettingsException {
        assertEquals(Optional.empty(), QueueSettings.from(Map.of("name", "support", "numbers", "4000",
                "surveyFlow", " ")).surveyFlow());
        assertEquals(Optional.of("csat"), QueueSettings.from(Map.of("name", "support", "numbers", "4000",
                "surveyFlow", "csat")).surveyFlow());
        assertEquals("surveyFlow", assertThrows(SettingsException.class, () -> QueueSettings.from(
                Map.of("name", "support", "numbers", "4000", "surveyFlow", "how was it?"))).key());
    }

    @Test
    public void anAgentNeedsAPasswordOfSomeLength() {
        assertEquals("password", assertThrows(SettingsException.class,
                () -> AgentSettings.from(Map.of("id", "1001", "password", "x"))).key());
        assertEquals("password", assertThrows(SettingsException.class,
                () -> AgentSettings.from(Map.of("id", "1001"))).key());
    }
}
