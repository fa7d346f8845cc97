package org.switchboard.web.internal.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.Supervision;
import org.switchboard.api.sip.SupervisionMode;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/**
 * Supervision of calls: a supervisor's phone listens in on a call, whispers to the agent or barges in, and leaves.
 * Supervisors and admins only; an agent never learns here who listens to them.
 */
final class SupervisionEndpoints {
    /** A registered phone's user name, as the SIP edge knows it. */
    private static final String EXTENSION = "[A-Za-z0-9_.+-]{1,64}";
    private static final List<String> MODES = Arrays.stream(SupervisionMode.values())
            .map(SupervisionEndpoints::label).toList();

    private final Backends backends;
    private final Audit audit;

    SupervisionEndpoints(Backends backends, Audit audit) {
        this.backends = backends;
        this.audit = audit;
    }

    void addTo(Router router) {
        router.get("/supervisions", Access.SUPERVISORS, request -> ApiResponse.ok(backends.control().supervisions()
                .stream().map(SupervisionEndpoints::view).toList()));
        router.post("/calls/{id}/supervision", Access.SUPERVISORS, this::supervise);
        router.delete("/calls/{id}/supervision/{extension}", Access.SUPERVISORS, this::end);
    }

    static String label(SupervisionMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> view(Supervision supervision) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("callId", supervision.callId());
        view.put("extension", supervision.extension());
        view.put("mode", label(supervision.mode()));
        view.put("connected", supervision.connected());
        return view;
    }

    /** Rings the supervisor's phone into the call, or changes the mode of a phone already in it. */
    private ApiResponse supervise(ApiRequest request) {
        JsonBody body = request.json().allowOnly("extension", "mode");
        String extension = extension(body.text("extension"));
        SupervisionMode mode = mode(body.text("mode"));
        CallDetailRecord record = call(request);
        try {
            backends.control().supervise(record.callId(), extension, mode);
        } catch (CallControlException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, "call-supervise", record.callId() + " " + extension + " " + label(mode));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("callId", record.callId());
        answer.put("extension", extension);
        answer.put("mode", label(mode));
        return ApiResponse.accepted(answer);
    }

    private ApiResponse end(ApiRequest request) {
        request.json().allowOnly();
        String extension = request.param("extension");
        CallDetailRecord record = call(request);
        CallControl control = backends.control();
        boolean supervising = control.supervisions().stream()
                .anyMatch(s -> s.callId().equals(record.callId()) && s.extension().equals(extension));
        if (!supervising) {
            throw ApiException.notFound("phone '" + extension + "' does not supervise call " + record.callId());
        }
        try {
            control.endSupervision(record.callId(), extension);
        } catch (CallControlException e) {
            throw ApiException.conflict(e.getMessage());
        }
        audit.record(request, "call-supervision-end", record.callId() + " " + extension);
        return ApiResponse.accepted(Map.of());
    }

    private CallDetailRecord call(ApiRequest request) {
        String id = request.param("id");
        return backends.records().find(id).orElseThrow(() -> ApiException.notFound("no call '" + id + "'"));
    }

    private static String extension(String extension) {
        if (!extension.matches(EXTENSION)) {
            throw ApiException.badField("extension", "'" + extension + "' is not a phone's extension (letters, digits,"
                    + " _ . + -)");
        }
        return extension;
    }

    private static SupervisionMode mode(String mode) {
        for (SupervisionMode known : SupervisionMode.values()) {
            if (label(known).equals(mode.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        throw ApiException.badField("mode", "'" + mode + "' is not one of " + MODES);
    }
}
