package org.switchboard.web.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.auth.WebUser;

public class RouterTest {

    private static final WebSession SUPERVISOR = new WebSession("s1", "token", new WebUser("sue",
            Set.of(Role.SUPERVISOR)), Instant.MAX);

    private final Router router = new Router()
            .get("/calls/{id}", Access.ANY_USER, request -> ApiResponse.ok(Map.of("call", request.param("id"))))
            .get("/calls/{id}/screen-pop", Access.ANY_USER,
                    request -> ApiResponse.ok(Map.of("pop", request.param("id"))))
            .get("/calls/export", Access.ANY_USER, request -> ApiResponse.ok(Map.of("export", true)))
            .post("/calls/{id}/hold", Access.ANY_USER, request -> ApiResponse.accepted(Map.of()))
            .get("/boom", Access.ANY_USER, request -> {
                throw new IllegalStateException("broken");
            });

    @Test
    public void placeholdersCarryTheValuesOfThePath() {
        assertEquals(Map.of("call", "abc-1"), get("/calls/abc-1").json());
        assertEquals(Map.of("pop", "abc-1"), get("/calls/abc-1/screen-pop").json());
    }

    @Test
    public void aLiteralSegmentWinsOverAPlaceholder() {
        assertEquals(Map.of("export", true), get("/calls/export").json());
    }

    @Test
    public void anUnknownPathIs404AndAKnownPathWithAnotherMethodIs405() {
        assertEquals(404, get("/queues").status());
        assertEquals(404, get("/calls/abc-1/unknown").status());
        assertEquals(404, get("/calls/").status());
        assertEquals(405, get("/calls/abc-1/hold").status());
    }

    @Test
    public void anonymousCallersLearnNothingAboutWhichPathsExist() {
        ApiResponse answer = router.dispatch(new ApiRequest("GET", "/queues", Map.of(), Map.of(), "", null, null,
                "10.0.0.1"));

        assertEquals(401, answer.status());
    }

    @Test
    public void aRouteThatFailsAnswers500WithoutTakingTheRouterDown() {
        assertEquals(500, get("/boom").status());
        assertEquals(200, get("/calls/export").status());
    }

    @Test
    public void aRouteCannotBeDefinedTwice() {
        assertThrows(IllegalArgumentException.class,
                () -> router.get("/calls/{id}", Access.ANY_USER, request -> ApiResponse.noContent()));
    }

    private ApiResponse get(String path) {
        return router.dispatch(new ApiRequest("GET", path, Map.of(), Map.of(), "", SUPERVISOR, null, "127.0.0.1"));
    }
}
