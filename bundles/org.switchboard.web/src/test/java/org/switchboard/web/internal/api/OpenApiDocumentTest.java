package org.switchboard.web.internal.api;

import static org.junit.Assert.assertEquals;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.switchboard.web.internal.events.EventStreamServlet;
import org.switchboard.web.internal.http.Json;
import org.switchboard.web.internal.http.Route;

import com.fasterxml.jackson.databind.JsonNode;

public class OpenApiDocumentTest {

    @Test
    public void theDocumentDescribesExactlyTheRoutesTheApiServes() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Route route : ApiRoutes.build(FakeBackends.withDemoUsers()).routes()) {
            served.add(route.method() + " " + route.pattern());
        }
        served.add("GET " + EventStreamServlet.PATH.substring("/api/v1".length()));

        JsonNode document = Json.MAPPER.readTree(ApiRoutes.openApiDocument());
        Set<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT)
                    + " " + path.getKey()));
        }

        assertEquals(served, described);
        assertEquals("3.0.3", document.get("openapi").asText());
        assertEquals("/api/v1", document.get("servers").get(0).get("url").asText());
    }
}
