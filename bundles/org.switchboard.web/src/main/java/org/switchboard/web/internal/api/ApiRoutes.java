package org.switchboard.web.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Router;

/** Every route of /api/v1; openapi.json describes the same set (a test holds them together). */
public final class ApiRoutes {
    public static final String OPENAPI_RESOURCE = "/openapi.json";

    private ApiRoutes() {
    }

    public static Router build(Backends backends) {
        Router router = new Router();
        Audit audit = new Audit(backends);
        Configurations configurations = new Configurations(backends);
        String openApi = openApiDocument();
        router.get("/openapi.json", Access.ANYONE, request -> ApiResponse.text("application/json", openApi));
        new SessionEndpoints(backends, audit).addTo(router);
        new AgentEndpoints(backends, audit).addTo(router);
        new QueueEndpoints(backends, audit, configurations).addTo(router);
        new CallEndpoints(backends, audit).addTo(router);
        new SupervisionEndpoints(backends, audit).addTo(router);
        new ReportEndpoints(backends).addTo(router);
        new CrmEndpoints(backends, audit).addTo(router);
        new OperatorEndpoints(backends, audit).addTo(router);
        new AdminEndpoints(backends, audit, configurations).addTo(router);
        return router;
    }

    public static String openApiDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
