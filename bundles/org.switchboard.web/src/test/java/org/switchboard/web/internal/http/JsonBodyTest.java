package org.switchboard.web.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonBodyTest {

    @Test
    public void textThatIsNotJsonBlamesTheBody() {
        assertEquals("body", problem(() -> JsonBody.parse("{\"reason\": ")).field());
        assertEquals("body", problem(() -> JsonBody.parse("[1, 2]")).field());
    }

    @Test
    public void anEmptyBodyIsAnEmptyObject() {
        assertTrue(JsonBody.parse("").textList("queues").isEmpty());
    }

    @Test
    public void aFieldOfTheWrongTypeIsNamed() {
        assertEquals("reason", problem(() -> JsonBody.parse("{\"reason\": 3}").text("reason")).field());
        assertEquals("queues", problem(() -> JsonBody.parse("{\"queues\": \"support\"}").textList("queues"))
                .field());
        assertEquals("queues", problem(() -> JsonBody.parse("{\"queues\": [\"support\", 2]}").textList("queues"))
                .field());
    }

    @Test
    public void aMissingOrBlankRequiredFieldIsNamed() {
        ApiException missing = problem(() -> JsonBody.parse("{}").text("reason"));
        assertEquals(400, missing.status());
        assertEquals("reason", missing.field());
        assertEquals("reason", problem(() -> JsonBody.parse("{\"reason\": \"  \"}").text("reason")).field());
    }

    @Test
    public void aFieldTheRouteDoesNotKnowIsNamed() {
        assertEquals("reasn", problem(() -> JsonBody.parse("{\"reasn\": \"lunch\"}").allowOnly("reason")).field());
    }

    @Test
    public void goodValuesAreReadTrimmed() {
        JsonBody body = JsonBody.parse("{\"reason\": \" lunch \", \"queues\": [\"support\", \"sales\"]}");

        assertEquals("lunch", body.text("reason"));
        assertEquals(List.of("support", "sales"), body.textList("queues"));
    }

    @Test
    public void configurationFieldsAreTextAndObjectsAreRefused() {
        assertEquals(Map.of("maxWaitSeconds", "60", "numbers", "4000, 4001"),
                JsonBody.parse("{\"maxWaitSeconds\": 60, \"numbers\": [\"4000\", 4001]}").fieldsAsText());
        assertEquals("skills", problem(() -> JsonBody.parse("{\"skills\": {\"a\": 1}}").fieldsAsText()).field());
    }

    private static ApiException problem(Runnable action) {
        return assertThrows(ApiException.class, action::run);
    }
}
