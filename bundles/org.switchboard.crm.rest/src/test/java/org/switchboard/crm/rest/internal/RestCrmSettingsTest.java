package org.switchboard.crm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.Test;

public class RestCrmSettingsTest {

    @Test
    public void everyOperationHasADefaultEndpoint() {
        RestCrmSettings settings = RestCrmSettings.from(Map.of("baseUrl", "https://crm.example.com/api/"));

        assertEquals("https://crm.example.com/api", settings.baseUrl().orElseThrow().toString());
        assertEquals(Operation.values().length, settings.endpoints().size());
        assertEquals(new Endpoint("GET", "/customers?phone={phone}"), settings.endpoints().get(Operation.FIND_BY_PHONE));
        assertEquals(Duration.ofMillis(1000), settings.connectTimeout());
        assertEquals(Duration.ofMillis(2000), settings.readTimeout());
    }

    @Test
    public void anEndpointMayNameItsMethod() {
        RestCrmSettings settings = RestCrmSettings.from(Map.of("recordInteractionPath", "post /calls",
                "findByIdPath", "/people/{customerId}"));

        assertEquals(new Endpoint("POST", "/calls"), settings.endpoints().get(Operation.RECORD_INTERACTION));
        assertEquals(new Endpoint("GET", "/people/{customerId}"), settings.endpoints().get(Operation.FIND_BY_ID));
    }

    @Test
    public void anUnknownPlaceholderIsRefusedWithTheOnesAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("findByPhonePath", "/customers?msisdn={number}")));

        assertEquals("findByPhonePath: unknown placeholder {number}; it may use phone", e.getMessage());
    }

    @Test
    public void aPathMustStartWithASlash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("historyPath", "customers")));

        assertTrue(e.getMessage(), e.getMessage().startsWith("historyPath: 'customers' is not a path starting with /"));
    }

    @Test
    public void timeoutsAreCheckedWithTheirKey() {
        assertEquals("readTimeoutMillis: 0 is outside 1..60000", assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("readTimeoutMillis", "0"))).getMessage());
        assertEquals("connectTimeoutMillis: 'fast' is not a whole number of milliseconds",
                assertThrows(IllegalArgumentException.class,
                        () -> RestCrmSettings.from(Map.of("connectTimeoutMillis", "fast"))).getMessage());
    }

    @Test
    public void baseUrlMustBeHttpWithoutCredentials() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("baseUrl", "ftp://crm"))).getMessage().startsWith("baseUrl: "));
        assertEquals("baseUrl: must not hold credentials; use authHeader", assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("baseUrl", "https://user:pw@crm"))).getMessage());
    }

    @Test
    public void aBadAuthHeaderIsRefusedWithoutRepeatingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("authHeader", "Bearer top-secret")));

        assertTrue(e.getMessage(), e.getMessage().startsWith("authHeader: "));
        assertFalse(e.getMessage(), e.getMessage().contains("top-secret"));
    }

    @Test
    public void theAuthHeadersValueNeverShowsInTheSettings() {
        RestCrmSettings settings = RestCrmSettings.from(Map.of("authHeader", "X-Api-Key: top-secret"));

        assertEquals("X-Api-Key", settings.authHeader().orElseThrow().name());
        assertFalse(settings.toString().contains("top-secret"));
    }

    @Test
    public void anUnknownFieldIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestCrmSettings.from(Map.of("field.tier", "vip")));

        assertTrue(e.getMessage(), e.getMessage().startsWith("field.tier: unknown field; known are "));
    }

    @Test
    public void vipLevelsAreLabelsWithWholeNumbers() {
        assertEquals(Map.of("gold", 2, "silver", 1),
                RestCrmSettings.from(Map.of("vipLevels", "Gold:2, silver : 1")).vipLevels());
        assertEquals("vipLevels: level of 'gold' is not a whole number 0 or more",
                assertThrows(IllegalArgumentException.class,
                        () -> RestCrmSettings.from(Map.of("vipLevels", "gold:high"))).getMessage());
    }
}
