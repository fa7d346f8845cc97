package org.switchboard.web.internal.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.switchboard.api.acd.AcdException;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/** Agents: their state, log in and out, ready, pause, dial out. An agent acts only for themselves. */
final class AgentEndpoints {
    private static final String DIALABLE = "[0-9*#+]{1,32}";

    private final Backends backends;
    private final Audit audit;

    AgentEndpoints(Backends backends, Audit audit) {
        this.backends = backends;
        this.audit = audit;
    }

    void addTo(Router router) {
        router.get("/agents", Access.SUPERVISORS,
                request -> ApiResponse.ok(backends.desk().agents().stream().map(Views::agent).toList()));
        router.get("/agents/{id}", Access.ANY_USER, request -> ApiResponse.ok(Views.agent(agent(request))));
        router.post("/agents/{id}/login", Access.ANY_USER, this::login);
        router.post("/agents/{id}/ready", Access.ANY_USER, request -> {
            request.json().allowOnly();
            return change(request, "agent-ready", "", desk -> desk.ready(request.param("id")));
        });
        router.post("/agents/{id}/logout", Access.ANY_USER, request -> {
            request.json().allowOnly();
            return change(request, "agent-logout", "", desk -> desk.logout(request.param("id")));
        });
        router.post("/agents/{id}/pause", Access.ANY_USER, this::pause);
        router.post("/agents/{id}/dial", Access.ANY_USER, this::dial);
        router.get("/pause-reasons", Access.ANY_USER, request -> ApiResponse.ok(backends.desk().pauseReasons()));
    }

    /** The agent of the path, when the user may act for them: 403 for another agent, 404 for no agent. */
    private AgentStatus agent(ApiRequest request) {
        String id = request.param("id");
        if (!request.user().mayActFor(id)) {
            throw ApiException.forbidden("you may only see and act for your own agent");
        }
        return backends.desk().agent(id).orElseThrow(() -> ApiException.notFound("no agent '" + id + "'"));
    }

    private ApiResponse login(ApiRequest request) {
        JsonBody body = request.json().allowOnly("queues");
        List<String> queues = body.textList("queues");
        agent(request);
        AgentDesk desk = backends.desk();
        for (String queue : queues) {
            if (desk.queue(queue).isEmpty()) {
                throw ApiException.badField("queues", "no queue named '" + queue + "'");
            }
        }
        return change(request, "agent-login", String.join(",", queues),
                d -> d.login(request.param("id"), queues));
    }

    private ApiResponse pause(ApiRequest request) {
        JsonBody body = request.json().allowOnly("reason");
        String reason = body.text("reason");
        List<String> reasons = backends.desk().pauseReasons();
        if (!reasons.contains(reason)) {
            throw ApiException.badField("reason", "'" + reason + "' is not one of " + reasons);
        }
        return change(request, "agent-pause", reason, desk -> desk.pause(request.param("id"), reason));
    }

    private ApiResponse dial(ApiRequest request) {
        JsonBody body = request.json().allowOnly("number");
        String number = body.text("number");
        if (!number.matches(DIALABLE)) {
            throw ApiException.badField("number", "'" + number + "' is not a dialable number (digits, *, #, +)");
        }
        AgentStatus agent = agent(request);
        try {
            String callId = backends.control().dial(agent.agentId(), number);
            audit.record(request, "agent-dial", agent.agentId() + " " + number);
            return ApiResponse.accepted(Map.of("callId", callId));
        } catch (CallControlException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private ApiResponse change(ApiRequest request, String action, String detail,
            Function<AgentDesk, AgentStatus> change) {
        AgentStatus agent = agent(request);
        try {
            AgentStatus changed = change.apply(backends.desk());
            audit.record(request, action, agent.agentId() + (detail.isEmpty() ? "" : " " + detail));
            return ApiResponse.ok(Views.agent(changed));
        } catch (AcdException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
