package org.switchboard.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class WebSettingsTest {

    @Test
    public void valuesFromTheFileAreRead() throws WebSettings.Problem {
        WebSettings settings = WebSettings.from(Map.of("sessionMinutes", "60", "dispositionCodes", "sale, callback",
                "metricsAnonymousFromLoopback", "false", "eventQueueSize", "50"));

        assertEquals(Duration.ofMinutes(60), settings.sessionIdle());
        assertEquals(List.of("sale", "callback"), settings.dispositionCodes());
        assertFalse(settings.metricsAnonymousFromLoopback());
        assertEquals(50, settings.eventQueueSize());
    }

    @Test
    public void anEmptyConfigurationGivesTheDefaults() throws WebSettings.Problem {
        WebSettings settings = WebSettings.from(Map.of());

        assertEquals(WebSettings.DEFAULTS, settings);
        assertTrue(settings.metricsAnonymousFromLoopback());
    }

    @Test
    public void aBadValueIsReportedWithItsKey() {
        assertTrue(problem(Map.of("sessionMinutes", "0")).startsWith("sessionMinutes "));
        assertTrue(problem(Map.of("sessionMinutes", "an hour")).startsWith("sessionMinutes "));
        assertTrue(problem(Map.of("dispositionCodes", "sale, call back")).startsWith("dispositionCodes "));
        assertTrue(problem(Map.of("metricsAnonymousFromLoopback", "yes")).startsWith("metricsAnonymousFromLoopback "));
    }

    @Test
    public void aRejectedChangeKeepsThePreviousSettings() {
        WebConfiguration configuration = new WebConfiguration();
        configuration.configure(Map.of("sessionMinutes", "60"));

        configuration.configure(Map.of("sessionMinutes", "60", "eventQueueSize", "1"));

        assertEquals(Duration.ofMinutes(60), configuration.current().sessionIdle());
        assertEquals(256, configuration.current().eventQueueSize());
    }

    private static String problem(Map<String, ?> properties) {
        return assertThrows(WebSettings.Problem.class, () -> WebSettings.from(properties)).getMessage();
    }
}
